/**
 * The one role → permission table. Domain operations assert it (through
 * `assertCan` and the resource policies beside this file); pages only reflect
 * it. Resource checks (own organization, assigned body and team, region) and
 * state checks come on top, in ./application.ts and ./certificate.ts.
 */
import type { ApiScope, OrganizationKind, UserRole } from "@/lib/enums";
import type { Actor, ActorRole } from "./actor";

export const PERMISSIONS = {
  // enterprise
  "product.create": ["enterprise"],
  "product.update": ["enterprise"],
  "application.create": ["enterprise"],
  "inventory.edit": ["enterprise"],
  "evidence.upload": ["enterprise", "verifier", "reviewer"],
  // The owner removes its own files while it may edit; a body's inspection evidence stays on record.
  "evidence.delete": ["enterprise"],
  "application.calculate": ["enterprise"],
  "application.submit": ["enterprise"],
  "application.withdrawSubmission": ["enterprise"],
  "finding.respond": ["enterprise"],
  "certificate.recertify": ["enterprise"],
  // what an EU battery declaration needs beyond the footprint (model, plant, service life …)
  "batteryDeclaration.edit": ["enterprise"],
  // what-if reduction scenarios on the enterprise's own calculated application (never submitted)
  "scenario.manage": ["enterprise"],
  // reading an application: its owner, the body it is entrusted to, and the regulator of its
  // region (through the REST API: the portal shows the regulator the region's figures instead)
  "application.read": ["enterprise", "verifier", "reviewer", "regulator"],
  // evidence: also the regulator of the application's region
  "evidence.download": ["enterprise", "verifier", "reviewer", "regulator"],
  // the CFP study report: the owner and the body it is entrusted to, once a footprint is calculated
  "application.studyReport": ["enterprise", "verifier", "reviewer"],
  // the EU battery carbon footprint declaration (PDF and Battery Pass JSON), to the same readers
  "application.batteryDeclaration": ["enterprise", "verifier", "reviewer"],
  // verification body
  "application.accept": ["verifier", "reviewer"],
  "application.decline": ["verifier", "reviewer"],
  "application.plan": ["verifier", "reviewer"],
  "application.recordInspection": ["verifier"],
  "line.verify": ["verifier"],
  "finding.raise": ["verifier"],
  "finding.close": ["verifier"],
  "application.requestChanges": ["verifier"],
  "application.recommend": ["verifier"],
  "application.decide": ["reviewer"],
  "conflict.declare": ["verifier", "reviewer"],
  "certificate.recordSurveillance": ["verifier", "reviewer"],
  // the body's own target for how long an application waits in one stage (its decision maker)
  "stageTarget.manage": ["reviewer"],
  // certificate status (body of the certificate, or the regulator of its region)
  "certificate.suspend": ["verifier", "reviewer", "regulator"],
  "certificate.reinstate": ["verifier", "reviewer", "regulator"],
  "certificate.withdraw": ["verifier", "reviewer", "regulator"],
  "certificate.download": ["enterprise", "verifier", "reviewer", "regulator"],
  "certificate.read": ["enterprise", "verifier", "reviewer", "regulator"],
  // the certified footprint as a PACT v3 ProductFootprint file: its holder and the body that issued it
  "certificate.exportPact": ["enterprise", "verifier", "reviewer"],
  // machine access: the organization's API clients (a body's decision maker, not every verifier)
  "apiClient.manage": ["enterprise", "reviewer", "regulator"],
  /** The organization's certified footprints as PACT ProductFootprints. */
  "footprint.read": ["enterprise"],
  /** A PACT host of another company sends the organization events (footprint requests, publications, replies). */
  "pactEvent.submit": ["enterprise"],
  // PACT exchange of an enterprise: the partners it replies to, and the requests it received
  "pactPartner.manage": ["enterprise"],
  "footprintRequest.read": ["enterprise"],
  // supply chain: an enterprise asks a supplier for a footprint (and may cancel it), the supplier
  // answers; both sides list them
  "supplyRequest.send": ["enterprise"],
  "supplyRequest.answer": ["enterprise"],
  "supplyRequest.read": ["enterprise"],
  /** A supplier's PACT ProductFootprint file, imported as a footprint the enterprise may price its lines with. */
  "supplierFootprint.import": ["enterprise"],
  // regulator
  "dashboard.read": ["regulator"],
  "target.manage": ["regulator"],
  // Benchmarks and factors of the regulator's own region (./reference-data.ts).
  "benchmark.manage": ["regulator"],
  "factor.manage": ["regulator"],
  "audit.read": ["regulator"],
  "audit.verifyChain": ["regulator"],
  // operator
  // National and international factors (CN, GLO): used in every region, so no region's regulator keeps them.
  "factor.manageNational": ["admin"],
  "organization.manage": ["admin"],
  "user.manage": ["admin"],
  // the outgoing mail the platform queued, sent or holds (no relay): read by the operator
  "outbox.read": ["admin"],
  // the background jobs: queues, failed jobs, retry and cancel (/admin/jobs)
  "job.manage": ["admin"],
  // signing keys of a verification body (the body's reviewer, or the platform's admin)
  "signingKey.read": ["verifier", "reviewer", "admin"],
  "signingKey.rotate": ["reviewer", "admin"],
  // the platform signs credentials of certificates issued before credentials existed
  "credential.issueMissing": ["system"],
  // the platform publishes the PACT footprints of certificates issued before the PACT host existed
  "footprint.issueMissing": ["system"],
  // the platform delivers PACT replies to partners' hosts, retrying for 72 hours
  "pactEvent.deliver": ["system"],
  // the platform stores `expired` on certificates whose validity has ended
  "certificate.expire": ["system"],
  // the platform verifies every region's audit chains daily and alerts its regulators to a break
  "audit.monitorChains": ["system"],
  // the platform's daily reminders (expiry, surveillance, applications waiting past a target)
  "reminder.send": ["system"],
  // a background job failed its last retry: the platform tells its operators
  "job.reportFailure": ["system"],
  // the platform closes footprint requests whose due date passed unanswered
  "supplyRequest.expire": ["system"],
  // the platform flags customers' applications resting on a supplier certificate that changed
  "supplierFootprint.flagDependents": ["system"],
  // the platform computes a new factor version's impact on certificates in force and notifies their enterprises
  "factorImpact.run": ["system"],
  // the platform sends queued email through the relay (retried with backoff) and the daily digests
  "mail.deliver": ["system"],
  // the platform has uploaded evidence scanned for malware (ClamAV) and records the verdict
  "evidence.scan": ["system"],
  // everyone signed in
  "notification.read": ["enterprise", "verifier", "reviewer", "regulator", "admin"],
  "account.manage": ["enterprise", "verifier", "reviewer", "regulator", "admin"],
} as const satisfies Record<string, readonly ActorRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/**
 * The permissions each API scope grants. An API client acts with its creator's role, so a
 * permission needs both the role (the table above) and a scope that names it. `write` includes
 * what `read` grants: a client that adds a line may read the application back.
 */
export const API_SCOPE_PERMISSIONS = {
  "footprints:read": ["footprint.read", "pactEvent.submit"],
  "applications:read": ["application.read", "evidence.download", "notification.read"],
  "applications:write": [
    "application.read",
    "evidence.download",
    "notification.read",
    "product.create",
    "application.create",
    "inventory.edit",
    "evidence.upload",
    "application.calculate",
    "application.submit",
  ],
  "certificates:read": ["certificate.read", "certificate.download", "notification.read"],
} as const satisfies Record<ApiScope, readonly Permission[]>;

/** The scopes an organization may grant its API clients: bodies and regulators read only. */
export const API_SCOPES_BY_ORGANIZATION_KIND: Record<OrganizationKind, readonly ApiScope[]> = {
  enterprise: ["footprints:read", "applications:read", "applications:write", "certificates:read"],
  verification_body: ["applications:read", "certificates:read"],
  regulator: ["applications:read", "certificates:read"],
  operator: [],
};

export function scopesGrant(scopes: readonly ApiScope[], permission: Permission): boolean {
  return scopes.some((scope) => (API_SCOPE_PERMISSIONS[scope] as readonly Permission[]).includes(permission));
}

type RoleHolder = { role: ActorRole; apiClient?: { scopes: readonly ApiScope[] } };

/**
 * The role part of every decision: does the table give this actor's role the permission? For an
 * API client, one of its scopes must grant it as well.
 */
export function can(actor: RoleHolder | ActorRole | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const role = typeof actor === "string" ? actor : actor.role;
  if (!(PERMISSIONS[permission] as readonly ActorRole[]).includes(role)) return false;
  return typeof actor === "string" || !actor.apiClient || scopesGrant(actor.apiClient.scopes, permission);
}

/** The portal areas, and which roles may open each (pages also check their own data). */
export const AREA_ROLES = {
  enterprise: ["enterprise"],
  verifier: ["verifier", "reviewer"],
  regulator: ["regulator"],
  admin: ["admin"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Area = keyof typeof AREA_ROLES;

/** Where each role lands after sign-in. */
export const ROLE_HOME: Record<UserRole, string> = {
  enterprise: "/enterprise",
  verifier: "/verifier",
  reviewer: "/verifier",
  regulator: "/regulator",
  admin: "/admin",
};

/** Which roles a user of each kind of organization may hold. */
export const ROLES_BY_ORGANIZATION_KIND: Record<OrganizationKind, readonly UserRole[]> = {
  enterprise: ["enterprise"],
  verification_body: ["verifier", "reviewer"],
  regulator: ["regulator"],
  operator: ["admin"],
};

export function roleFitsOrganization(kind: OrganizationKind, role: UserRole): boolean {
  return ROLES_BY_ORGANIZATION_KIND[kind].includes(role);
}

/** Staff of a verification body: both roles work applications; only reviewers decide. */
const BODY_STAFF_ROLES = AREA_ROLES.verifier;

export function isBodyStaff(actor: Pick<Actor, "role"> | null | undefined): boolean {
  return !!actor && (BODY_STAFF_ROLES as readonly ActorRole[]).includes(actor.role);
}
