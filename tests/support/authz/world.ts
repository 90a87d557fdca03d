/**
 * The cast of the authorization probes: one enterprise with its application
 * entrusted to one verification body (a lead verifier on the planned team, a
 * verifier of the body outside it, an independent reviewer and a second one
 * who takes part in the verification where separation of duties is tried), the
 * regulator of the region, the operator, and every kind of outsider — another
 * enterprise, another body's verifier and reviewer, another region's regulator.
 * Resources (applications in any status, evidence, certificates, factors,
 * supply requests and supplier footprints) are built around it, through the
 * same rows the workflow writes or through the real operations.
 */
import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  applicationTeam,
  applications,
  auditEvents,
  certificates,
  evidenceFiles,
  findings,
  inventoryLines,
  onSiteInspections,
  productFootprints,
  products,
  submissions,
  supplierFootprintFlags,
  type Application,
  type ApplicationStatus,
  type Organization,
} from "@/db/schema";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { executeOperation } from "@/lib/domain/operation";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { fulfilSupplyRequest } from "@/lib/domain/supply-requests/fulfil-supply-request";
import { SHARED_FOOTPRINT_FIELDS } from "@/lib/enums";
import { createSupplyRequestSchema } from "@/lib/validation/schemas/supply";
import type { UserRole } from "@/lib/enums";
import { storeEvidenceObject } from "@/lib/storage/evidence-objects";
import { actorFor } from "../certificate-fixtures";
import { addRefrigerantLine } from "../enterprise-cast";
import { PDF_BYTES } from "../evidence-files";
import { createApplication, createOrganization, createUser } from "../factories";
import { createPublishedCertificate, PACT_PRODUCT } from "../pact";
import { createEntrustedApplication, recordSubmissionRound } from "../verification-fixtures";

export type TestUser = Awaited<ReturnType<typeof createUser>>;

/** Callers acting in the application's own tenants, one per role. */
export const ROLE_CALLERS = ["enterprise", "verifier", "reviewer", "regulator", "admin"] as const satisfies readonly UserRole[];

/** Callers of the right role but the wrong tenant, body, team or region. */
export const OUTSIDER_CALLERS = ["otherEnterprise", "otherBodyVerifier", "otherBodyReviewer", "offTeamVerifier", "otherRegionRegulator"] as const;

/**
 * A second reviewer of the world's body who took part in the verification (accepted, planned,
 * sat on the team, recommended, led): tried only where separation of duties is the question,
 * next to the world's reviewer, who took no part.
 */
export const PARTICIPATING_REVIEWER = "participatingReviewer";

export type PersonCaller = (typeof ROLE_CALLERS)[number] | (typeof OUTSIDER_CALLERS)[number] | typeof PARTICIPATING_REVIEWER;

/** Everyone a probe calls as: nobody signed in, the platform's background jobs, and the people. */
export type CallerKey = "anonymous" | "system" | PersonCaller;

export const ALL_CALLERS: readonly CallerKey[] = ["anonymous", "system", ...ROLE_CALLERS, ...OUTSIDER_CALLERS];

/** The role a caller acts in (anonymous has none). */
export function roleOf(caller: CallerKey): UserRole | "system" | null {
  switch (caller) {
    case "anonymous":
      return null;
    case "system":
      return "system";
    case "otherEnterprise":
      return "enterprise";
    case "otherBodyVerifier":
    case "offTeamVerifier":
      return "verifier";
    case "otherBodyReviewer":
    case "participatingReviewer":
      return "reviewer";
    case "otherRegionRegulator":
      return "regulator";
    default:
      return caller;
  }
}

export type World = {
  region: string;
  otherRegion: string;
  enterprise: Organization;
  body: Organization;
  users: Record<PersonCaller, TestUser>;
};

function unique(): string {
  return crypto.randomBytes(4).toString("hex");
}

/** A fresh cast in `region`, with the outsiders of `otherRegion`. */
export async function createWorld(region: string, otherRegion: string): Promise<World> {
  const district = `${region.slice(0, 4)}01`;
  const enterprise = await createOrganization("enterprise", { region, district });
  const otherEnterpriseOrg = await createOrganization("enterprise", { region, district });
  const body = await createOrganization("verification_body", { region, district });
  const otherBody = await createOrganization("verification_body", { region, district });
  const bureau = await createOrganization("regulator", { region, district: null });
  const otherBureau = await createOrganization("regulator", { region: otherRegion, district: null });
  const operator = await createOrganization("operator", { region, district: null });
  const users: Record<PersonCaller, TestUser> = {
    enterprise: await createUser("enterprise", enterprise.id),
    verifier: await createUser("verifier", body.id),
    reviewer: await createUser("reviewer", body.id),
    regulator: await createUser("regulator", bureau.id),
    admin: await createUser("admin", operator.id),
    otherEnterprise: await createUser("enterprise", otherEnterpriseOrg.id),
    otherBodyVerifier: await createUser("verifier", otherBody.id),
    otherBodyReviewer: await createUser("reviewer", otherBody.id),
    offTeamVerifier: await createUser("verifier", body.id),
    otherRegionRegulator: await createUser("regulator", otherBureau.id),
    participatingReviewer: await createUser("reviewer", body.id),
  };
  return { region, otherRegion, enterprise, body, users };
}

/** The world's people by id, for reading who did what. */
function worldUserIds(world: World): string[] {
  return Object.values(world.users).map((user) => user.id);
}

/** Audit events written by anyone of the world: a refused call writes none. */
export async function auditCountOf(world: World): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(inArray(auditEvents.actorUserId, worldUserIds(world)));
  return row.n;
}

// ------------------------------------------------------------- the enterprise's side

/** A draft of the world's enterprise with the factory's one electricity line. */
export async function draftApplication(world: World): Promise<Application> {
  return createApplication(world.enterprise.id);
}

/** A draft whose inventory is complete for its cradle-to-gate boundary: it can be calculated and submitted. */
export async function submittableDraft(world: World) {
  const application = await draftApplication(world);
  const refrigerant = await addRefrigerantLine(application.id);
  return { application, lineId: refrigerant.id };
}

/** One of the owner's evidence files on a draft, with its bytes stored. */
export async function ownerEvidence(world: World, application: Application) {
  return storedEvidence(application, world.users.enterprise, world.enterprise.id);
}

async function storedEvidence(application: Application, uploader: TestUser, organizationId: string, inspectionId?: string) {
  const id = crypto.randomUUID();
  const { storageKey } = await storeEvidenceObject(PDF_BYTES, "application/pdf");
  const [file] = await db
    .insert(evidenceFiles)
    .values({
      id,
      applicationId: application.id,
      inspectionId: inspectionId ?? null,
      uploadedByOrganizationId: organizationId,
      uploadedBy: uploader.id,
      fileName: `meter-${unique()}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: PDF_BYTES.byteLength,
      sha256: crypto.createHash("sha256").update(PDF_BYTES).digest("hex"),
      storageKey,
    })
    .returning();
  return file;
}

// ------------------------------------------------------------- the body's side

type EntrustedOptions = { linesVerified?: boolean };

/**
 * An application of the world's enterprise entrusted to the world's body in
 * `status`; from planning on, the world's verifier leads the planned team
 * (alone: the body's other verifier is off the team).
 */
export async function entrustedApplication(world: World, status: ApplicationStatus, options: EntrustedOptions = {}) {
  const planned = !["submitted", "accepted", "declined"].includes(status);
  const application = await createEntrustedApplication(world.users.enterprise, world.body.id, {
    status,
    leadVerifierId: planned ? world.users.verifier.id : null,
    linesVerified: options.linesVerified,
  });
  if (planned) {
    await db.insert(applicationTeam).values({ applicationId: application.id, userId: world.users.verifier.id, teamRole: "lead" });
  }
  const lines = await db.select({ id: inventoryLines.id }).from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
  return { application, lineId: lines[0].id };
}

/** An open finding of the lead verifier on an application. */
export async function openFinding(world: World, application: Application) {
  const [finding] = await db
    .insert(findings)
    .values({ applicationId: application.id, round: application.round, severity: "minor", text: `Check meter ${unique()}`, raisedBy: world.users.verifier.id })
    .returning();
  return finding;
}

/** The team's on-site inspection record, which the body's evidence attaches to. */
export async function inspectionRecord(world: World, application: Application) {
  const [inspection] = await db
    .insert(onSiteInspections)
    .values({
      applicationId: application.id,
      inspectedOn: "2026-03-10",
      site: "Plant",
      participants: "Lead verifier",
      scope: "Meters",
      result: "Conforms",
      recordedBy: world.users.verifier.id,
    })
    .returning();
  return inspection;
}

/**
 * A certificate of the world's enterprise issued by the world's body in the
 * world's region (approved by its independent reviewer), optionally moved to
 * `status` since.
 */
export async function issuedCertificate(world: World, status: "valid" | "suspended" = "valid") {
  const { application } = await entrustedApplication(world, "awaiting_decision");
  const reviewer = await actorFor(world.users.reviewer);
  const certificate = await db.transaction(async (tx) => {
    await tx.update(applications).set({ status: "certified", reviewerId: reviewer.id }).where(eq(applications.id, application.id));
    return issueCertificate(tx, reviewer, { applicationId: application.id });
  });
  if (status === "valid") return { application, certificate };
  const [moved] = await db.update(certificates).set({ status }).where(eq(certificates.id, certificate.id)).returning();
  return { application, certificate: moved };
}

// ------------------------------------------------------------- separation of duties

/** How the participating reviewer took part in the verification of an application awaiting the decision. */
export type Participation = "accepted" | "planned" | "teamMember" | "recommended" | "led";

/**
 * An application of the world awaiting the decision, in which the body's second reviewer took
 * part as `participation` says — written to the very rows the workflow writes (the round's
 * acceptor, the planner, the team, the recommender, the lead). A recommender or lead who holds
 * the reviewer role now was a verifier then: roles change, the record of who did what does not.
 * The world's reviewer took no part.
 */
export async function applicationWithParticipant(world: World, participation: Participation) {
  const participant = world.users.participatingReviewer;
  const { application } = await entrustedApplication(world, "awaiting_decision");
  switch (participation) {
    case "accepted":
      await db.update(submissions).set({ acceptedBy: participant.id }).where(eq(submissions.applicationId, application.id));
      break;
    case "planned":
      await db.update(applications).set({ plannedBy: participant.id }).where(eq(applications.id, application.id));
      break;
    case "teamMember":
      await db.insert(applicationTeam).values({ applicationId: application.id, userId: participant.id, teamRole: "member" });
      break;
    case "recommended":
      await db.update(applications).set({ recommendedBy: participant.id }).where(eq(applications.id, application.id));
      break;
    case "led":
      await db.update(applicationTeam).set({ userId: participant.id }).where(and(eq(applicationTeam.applicationId, application.id), eq(applicationTeam.teamRole, "lead")));
      await db.update(applications).set({ leadVerifierId: participant.id }).where(eq(applications.id, application.id));
      break;
  }
  const [current] = await db.select().from(applications).where(eq(applications.id, application.id));
  return { application: current };
}

// ------------------------------------------------------------- supply chain

/** A certificate of the world's enterprise whose issuance published a PACT footprint. */
export async function publishedFootprint(world: World) {
  const { application } = await entrustedApplication(world, "awaiting_decision");
  await db.update(products).set(PACT_PRODUCT).where(eq(products.id, application.productId));
  // The decision reads the submitted inventory: submit it again, now with PACT's declarations.
  await recordSubmissionRound(application.id, world.users.enterprise.id);
  const { certificate } = await issuedCertificateOf(world, application.id);
  const [footprint] = await db.select({ id: productFootprints.id }).from(productFootprints).where(eq(productFootprints.certificateId, certificate.id));
  if (!footprint) throw new Error("issuance published no footprint");
  return { certificate, footprintId: footprint.id };
}

/** `issuedCertificate` for an application prepared first (its product carrying PACT's declarations). */
async function issuedCertificateOf(world: World, applicationId: string) {
  const reviewer = await actorFor(world.users.reviewer);
  const certificate = await db.transaction(async (tx) => {
    await tx.update(applications).set({ status: "certified", reviewerId: reviewer.id }).where(eq(applications.id, applicationId));
    return issueCertificate(tx, reviewer, { applicationId });
  });
  return { certificate };
}


/**
 * A draft of the world's enterprise with a line bought in pieces, and a footprint request sent
 * to a supplier of another tenant that the supplier fulfilled with its certified footprint
 * (per piece) — both through the real operations. The request is the world's enterprise's own
 * unless `requester` (another enterprise's user) sent it.
 */
export async function fulfilledRequestFromSupplier(world: World, requester: TestUser = world.users.enterprise) {
  const supplier = await createPublishedCertificate();
  const draft = await draftApplication(world);
  const [line] = await db
    .insert(inventoryLines)
    .values({ applicationId: draft.id, stage: "raw_material", position: 2, description: "Casing", quantity: "1", unit: "piece", source: "supplier_factor", supplierFactorValue: "1", supplierFactorUnit: "piece", supplierName: "Casing supplier" })
    .returning();
  const created = await executeOperation(
    createSupplyRequest,
    await actorFor(requester),
    createSupplyRequestSchema.parse({ supplier: `organization:${supplier.enterprise.id}`, productName: "Casing", declaredUnit: "piece", dueOn: addDays(todayInShanghai(), 10) }),
  );
  if (!created.ok) throw created.error;
  const fulfilled = await executeOperation(fulfilSupplyRequest, await actorFor(supplier.enterpriseUser), {
    requestId: created.data.requestId,
    expectedVersion: 1,
    footprintId: supplier.footprint.id,
    fields: [...SHARED_FOOTPRINT_FIELDS],
  });
  if (!fulfilled.ok) throw fulfilled.error;
  return { application: draft, lineId: line.id, requestId: created.data.requestId, supplierCertificateId: supplier.certificate.id };
}

/**
 * A line of the world's enterprise priced with its supplier's footprint, whose certificate was
 * suspended since: the platform flagged the line, and it waits on the customer's confirmation.
 */
export async function flaggedSupplierLine(world: World) {
  const state = await fulfilledRequestFromSupplier(world);
  const applied = await executeOperation(applySupplierFootprint, await actorFor(world.users.enterprise), {
    requestId: state.requestId,
    applicationId: state.application.id,
    lineId: state.lineId,
  });
  if (!applied.ok) throw applied.error;
  await db.insert(supplierFootprintFlags).values({
    changeKey: `suspended:${crypto.randomUUID()}`,
    certificateId: state.supplierCertificateId,
    change: "suspended",
    applicationId: state.application.id,
    lineId: state.lineId,
    organizationId: world.enterprise.id,
    applicationStatus: "draft",
  });
  return state;
}
