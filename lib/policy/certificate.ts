/**
 * What an actor may do with one certificate now: role ∧ scope (the holder,
 * the issuing body, the regulator of the certificate's region) ∧ its live
 * status. Another's certificate is "not found", never "forbidden" (no leak).
 */
import type { CertificateStatus } from "@/lib/enums";
import { isUserActor, type Actor, type UserActor } from "./actor";
import { ALLOWED, refuse, roleDecision, type Decision } from "./decision";
import { isBodyStaff, type Permission } from "./permissions";

type CertificateFacts = {
  organizationId: string;
  verificationBodyId: string;
  region: string;
  /** The live status (expiry by date counted). */
  status: CertificateStatus;
};

type Scope = "holder" | "body" | "issuance" | "manager" | "reader";

type Rule = { scope: Scope; statuses?: readonly CertificateStatus[]; conflictMessage?: string };

/** Renewal of a withdrawn certificate is refused: it must not carry a withdrawn certificate forward. */
const RENEWABLE_STATUSES = ["valid", "suspended", "expired"] as const satisfies readonly CertificateStatus[];

export const CERTIFICATE_RULES = {
  "certificate.download": { scope: "reader" },
  "certificate.read": { scope: "reader" },
  // The certified footprint file is the holder's to share; its issuing body may hand it on too.
  "certificate.exportPact": { scope: "issuance" },
  "certificate.recertify": { scope: "holder", statuses: RENEWABLE_STATUSES, conflictMessage: "certificates.errors.recertifyNotAllowed" },
  "certificate.recordSurveillance": {
    scope: "body",
    statuses: ["valid", "suspended"],
    conflictMessage: "certificates.errors.notAllowedInStatus",
  },
  "certificate.suspend": { scope: "manager", statuses: ["valid"], conflictMessage: "certificates.errors.notAllowedInStatus" },
  "certificate.reinstate": { scope: "manager", statuses: ["suspended"], conflictMessage: "certificates.errors.notAllowedInStatus" },
  "certificate.withdraw": { scope: "manager", statuses: ["valid", "suspended"], conflictMessage: "certificates.errors.notAllowedInStatus" },
} as const satisfies Partial<Record<Permission, Rule>>;

export type CertificatePermission = keyof typeof CERTIFICATE_RULES;

/** Staff of the body that issued the certificate. */
function isCertificateBody(actor: UserActor, certificate: Pick<CertificateFacts, "verificationBodyId">): boolean {
  return isBodyStaff(actor) && actor.organizationId === certificate.verificationBodyId;
}

/** The regulator of the region the certificate was issued in. */
function isCertificateRegulator(actor: UserActor, certificate: Pick<CertificateFacts, "region">): boolean {
  return actor.role === "regulator" && actor.region === certificate.region;
}

function inScope(actor: UserActor, scope: Scope, facts: CertificateFacts): boolean {
  const holder = actor.role === "enterprise" && actor.organizationId === facts.organizationId;
  const body = isCertificateBody(actor, facts);
  const manager = body || isCertificateRegulator(actor, facts);
  if (scope === "holder") return holder;
  if (scope === "body") return body;
  if (scope === "issuance") return holder || body;
  if (scope === "manager") return manager;
  return holder || manager;
}

export function decideOnCertificate(actor: Actor | null | undefined, permission: CertificatePermission, facts: CertificateFacts): Decision {
  const role = roleDecision(actor, permission);
  if (!role.allowed) return role;
  if (!isUserActor(actor)) return refuse("forbidden");
  const rule: Rule = CERTIFICATE_RULES[permission];
  if (!inScope(actor, rule.scope, facts)) return refuse("notFound", "certificates.errors.notFound");
  if (rule.statuses && !rule.statuses.includes(facts.status)) return refuse("conflict", rule.conflictMessage);
  return ALLOWED;
}

/** The scope part alone (who may see and act on it at all), whatever its status. */
export function mayReachCertificate(actor: Actor | null | undefined, permission: CertificatePermission, facts: Omit<CertificateFacts, "status">): boolean {
  const role = roleDecision(actor, permission);
  return role.allowed && isUserActor(actor) && inScope(actor, CERTIFICATE_RULES[permission].scope, { ...facts, status: "valid" });
}

export function permittedOnCertificate(actor: Actor | null | undefined, facts: CertificateFacts): Set<CertificatePermission> {
  const permitted = new Set<CertificatePermission>();
  for (const permission of Object.keys(CERTIFICATE_RULES) as CertificatePermission[]) {
    if (decideOnCertificate(actor, permission, facts).allowed) permitted.add(permission);
  }
  return permitted;
}
