/**
 * One entry per permission of the table (`PERMISSIONS`): the situations in
 * which it is exercised, the real doors to it (server action, route handler,
 * the read its page makes, and the domain operation a background job would
 * call), the rows it may change, and who may. The authorization matrix runs
 * every door as every caller of the world and checks that exactly `allowed`
 * get through and that every refusal leaves those rows as they were.
 */
import crypto from "node:crypto";
import { eq, inArray, like, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { POST as importInventoryRoute } from "@/app/api/applications/[id]/inventory-import/route";
import { GET as certificatePdfRoute } from "@/app/api/certificates/[number]/certificate/route";
import { GET as certificatePactRoute } from "@/app/api/certificates/[number]/pact/route";
import { GET as factorPickerRoute } from "@/app/api/enterprise/factors/route";
import { GET as evidenceRoute } from "@/app/api/evidence/[id]/route";
import { GET as dashboardExportRoute } from "@/app/(site)/regulator/export/route";
import { db } from "@/db";
import {
  applicationTeam,
  applications,
  benchmarks,
  calculations,
  certificates,
  conflictsOfInterest,
  emissionFactors,
  evidenceFiles,
  factorImpactRuns,
  findings,
  inventoryLines,
  mailOutbox,
  notifications,
  onSiteInspections,
  organizations,
  pilotTargets,
  products,
  reductionScenarios,
  scenarioChanges,
  submissions,
  supplierFootprintFlags,
  supplyRequests,
  surveillanceRecords,
  userSessions,
  users,
  type Application,
} from "@/db/schema";
import { changeUserRoleAction } from "@/lib/actions/admin/change-user-role";
import { setStageTargetAction } from "@/lib/actions/verifier/set-stage-target";
import { endUserSessionsAction } from "@/lib/actions/admin/end-user-sessions";
import { createOrganizationAction } from "@/lib/actions/admin/create-organization";
import { createUserAction } from "@/lib/actions/admin/create-user";
import { setUserDisabledAction } from "@/lib/actions/admin/set-user-disabled";
import { calculateApplicationAction } from "@/lib/actions/applications/calculate";
import { createApplicationAction } from "@/lib/actions/applications/create-application";
import { submitApplicationAction } from "@/lib/actions/applications/submit";
import { withdrawSubmissionAction } from "@/lib/actions/applications/withdraw";
import { recertifyAction } from "@/lib/actions/certificates/recertify";
import { createScenarioAction } from "@/lib/actions/scenarios/create-scenario";
import { deleteScenarioAction } from "@/lib/actions/scenarios/delete-scenario";
import { draftFromScenarioAction } from "@/lib/actions/scenarios/draft-from-scenario";
import { removeScenarioChangeAction } from "@/lib/actions/scenarios/remove-scenario-change";
import { saveScenarioChangeAction } from "@/lib/actions/scenarios/save-scenario-change";
import { recordSurveillanceAction } from "@/lib/actions/certificates/record-surveillance";
import { reinstateCertificateAction } from "@/lib/actions/certificates/reinstate-certificate";
import { suspendCertificateAction } from "@/lib/actions/certificates/suspend-certificate";
import { withdrawCertificateAction } from "@/lib/actions/certificates/withdraw-certificate";
import { deleteEvidenceAction } from "@/lib/actions/evidence/delete-evidence";
import { uploadEvidenceAction } from "@/lib/actions/evidence/upload-evidence";
import { addInventoryLineAction } from "@/lib/actions/inventory/add-line";
import { applySupplierFootprintAction } from "@/lib/actions/inventory/apply-supplier-footprint";
import { confirmSupplierFootprintAction } from "@/lib/actions/inventory/confirm-supplier-footprint";
import { deleteInventoryLineAction } from "@/lib/actions/inventory/delete-line";
import { updateInventoryLineAction } from "@/lib/actions/inventory/update-line";
import { cancelJobAction } from "@/lib/actions/jobs/cancel-job";
import { retryJobAction } from "@/lib/actions/jobs/retry-job";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-read";
import { createProductAction } from "@/lib/actions/products/create-product";
import { updateProductAction } from "@/lib/actions/products/update-product";
import { createBenchmarkVersionAction, previewBenchmarkVersionAction } from "@/lib/actions/regulator/benchmark-version";
import { createPilotTargetAction } from "@/lib/actions/regulator/create-pilot-target";
import { addFactorVersionAction, importFactorsAction } from "@/lib/actions/regulator/factors";
import { verifyAuditChainAction } from "@/lib/actions/regulator/verify-audit-chain";
import { acceptApplicationAction } from "@/lib/actions/verification/accept-application";
import { closeFindingAction } from "@/lib/actions/verification/close-finding";
import { decideApplicationAction } from "@/lib/actions/verification/decide-application";
import { declareConflictAction } from "@/lib/actions/verification/declare-conflict";
import { declineApplicationAction } from "@/lib/actions/verification/decline-application";
import { planReviewAction } from "@/lib/actions/verification/plan-review";
import { raiseFindingAction } from "@/lib/actions/verification/raise-finding";
import { recommendApplicationAction } from "@/lib/actions/verification/recommend-application";
import { recordInspectionAction } from "@/lib/actions/verification/record-inspection";
import { requestChangesAction } from "@/lib/actions/verification/request-changes";
import { respondToFindingAction } from "@/lib/actions/verification/respond-to-finding";
import { verifyLineAction } from "@/lib/actions/verification/verify-line";
import { verifyRemainingLinesAction } from "@/lib/actions/verification/verify-remaining-lines";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { acceptSupplyRequestAction } from "@/lib/actions/supply-requests/accept-supply-request";
import { cancelSupplyRequestAction } from "@/lib/actions/supply-requests/cancel-supply-request";
import { createSupplyRequestAction } from "@/lib/actions/supply-requests/create-supply-request";
import { listUsers } from "@/lib/dal/admin-directory";
import { getJobsPage } from "@/lib/dal/jobs";
import { declineSupplyRequestAction } from "@/lib/actions/supply-requests/decline-supply-request";
import { fulfilSupplyRequestAction } from "@/lib/actions/supply-requests/fulfil-supply-request";
import { getSupplyRequestsPage } from "@/lib/dal/supply/requests";
import { acceptSupplyRequest } from "@/lib/domain/supply-requests/accept-supply-request";
import { cancelSupplyRequest } from "@/lib/domain/supply-requests/cancel-supply-request";
import { declineSupplyRequest } from "@/lib/domain/supply-requests/decline-supply-request";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { expireSupplyRequests } from "@/lib/domain/supply-requests/expire-supply-requests";
import { fulfilSupplyRequest } from "@/lib/domain/supply-requests/fulfil-supply-request";
import { flagApplicationsDependingOn } from "@/lib/domain/supply-requests/flag-applications-depending-on";
import { createSupplyRequestSchema, supplyFiltersSchema } from "@/lib/validation/schemas/supply";
import { getApiApplication, getApiInventoryLine, listApiInventoryLines } from "@/lib/dal/api/applications";
import { getApiProduct } from "@/lib/dal/api/products";
import { listEvidence } from "@/lib/dal/evidence";
import { auditFilterChoices, listAuditEvents } from "@/lib/dal/audit-trail";
import { getApplicationWorkspace, getOwnInventoryLine } from "@/lib/dal/enterprise-application";
import { getOutboxMessage, listOutbox } from "@/lib/dal/mail-outbox";
import { listNotifications } from "@/lib/dal/notifications";
import { pilotDashboard } from "@/lib/dal/regulator-overview";
import { getScenariosPage } from "@/lib/dal/scenarios";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { calculateApplication } from "@/lib/domain/applications/calculate-application";
import { createApplication as createApplicationOperation } from "@/lib/domain/applications/create-application";
import { submitApplication } from "@/lib/domain/applications/submit-application";
import { withdrawSubmission } from "@/lib/domain/applications/withdraw-submission";
import { monitorAuditChains } from "@/lib/domain/audit/monitor-audit-chains";
import { createBenchmarkVersion } from "@/lib/domain/benchmarks/create-benchmark-version";
import { expireCertificates } from "@/lib/domain/certificates/expire-certificates";
import { recertify } from "@/lib/domain/certificates/recertify";
import { recordSurveillance } from "@/lib/domain/certificates/record-surveillance";
import { reinstateCertificate } from "@/lib/domain/certificates/reinstate-certificate";
import { suspendCertificate } from "@/lib/domain/certificates/suspend-certificate";
import { withdrawCertificate } from "@/lib/domain/certificates/withdraw-certificate";
import { deleteEvidence } from "@/lib/domain/evidence/delete-evidence";
import { recordEvidenceUpload } from "@/lib/domain/evidence/record-upload";
import { listEvidenceToScan } from "@/lib/domain/evidence/list-evidence-to-scan";
import { recordEvidenceScan } from "@/lib/domain/evidence/record-evidence-scan";
import { publishCertificateFootprint } from "@/lib/domain/footprints/publish-footprint";
import { claimPendingMail } from "@/lib/domain/mail/claim-pending-mail";
import { queueDailyDigests } from "@/lib/domain/mail/queue-daily-digests";
import { addFactorVersion } from "@/lib/domain/factors/add-factor-version";
import { addInventoryLine } from "@/lib/domain/inventory/add-line";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { confirmSupplierFootprint } from "@/lib/domain/inventory/confirm-supplier-footprint";
import { cancelJob } from "@/lib/domain/jobs/cancel-job";
import { retryJob } from "@/lib/domain/jobs/retry-job";
import { reportFailedJob } from "@/lib/domain/jobs/report-failed-job";
import { sendReminders } from "@/lib/domain/reminders/send-reminders";
import { setStageTarget } from "@/lib/domain/organizations/set-stage-target";
import { claimFactorImpactRun } from "@/lib/domain/factors/claim-factor-impact-run";
import { markNotificationsRead } from "@/lib/domain/notifications/mark-notifications-read";
import { createOrganization as createOrganizationOperation } from "@/lib/domain/organizations/create-organization";
import { createProduct as createProductOperation } from "@/lib/domain/products/create-product";
import { updateProduct } from "@/lib/domain/products/update-product";
import { createScenario } from "@/lib/domain/scenarios/create-scenario";
import { draftFromScenario } from "@/lib/domain/scenarios/draft-from-scenario";
import { saveScenarioChange } from "@/lib/domain/scenarios/save-scenario-change";
import { createPilotTarget } from "@/lib/domain/targets/create-pilot-target";
import { changeUserRole } from "@/lib/domain/users/change-user-role";
import { createUser as createUserOperation } from "@/lib/domain/users/create-user";
import { endUserSessions } from "@/lib/domain/users/end-user-sessions";
import { setUserDisabled } from "@/lib/domain/users/set-user-disabled";
import { acceptApplication } from "@/lib/domain/verification/accept-application";
import { closeFinding } from "@/lib/domain/verification/close-finding";
import { decideApplication } from "@/lib/domain/verification/decide-application";
import { declareConflict } from "@/lib/domain/verification/declare-conflict";
import { declineApplication } from "@/lib/domain/verification/decline-application";
import { planReview } from "@/lib/domain/verification/plan-review";
import { raiseFinding } from "@/lib/domain/verification/raise-finding";
import { recommendApplication } from "@/lib/domain/verification/recommend-application";
import { recordInspection } from "@/lib/domain/verification/record-inspection";
import { requestChanges } from "@/lib/domain/verification/request-changes";
import { respondToFinding } from "@/lib/domain/verification/respond-to-finding";
import { verifyLine } from "@/lib/domain/verification/verify-line";
import { executeOperation } from "@/lib/domain/operation";
import { startedJobRunner, startJobs } from "@/lib/jobs";
import { PG_BOSS_SCHEMA } from "@/lib/jobs/pg-boss-runner";
import { SHARED_FOOTPRINT_FIELDS } from "@/lib/enums";
import { INVENTORY_IMPORT_COLUMNS, TEMPLATE_EXAMPLE_ROWS } from "@/lib/import/inventory-columns";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import type { Actor, Permission } from "@/lib/policy";
import { inventoryLineSchema } from "@/lib/validation/schemas/inventory";
import { scenarioChangeSchema } from "@/lib/validation/schemas/scenarios";
import { productSchema } from "@/lib/validation/schemas/products";
import { actorFor, createCategory } from "../certificate-fixtures";
import { lineInput } from "../enterprise-cast";
import { PDF_BYTES } from "../evidence-files";
import { createOrganization, createProduct, createUser, TEST_PASSWORD } from "../factories";
import { createFactor } from "../regulator-fixtures";
import { approvalOf } from "../verification-fixtures";
import { fromAction, fromOperation, fromRead, fromResponse, type Outcome } from "./outcome";
import {
  ALL_CALLERS,
  entrustedApplication,
  draftApplication,
  flaggedSupplierLine,
  fulfilledRequestFromSupplier,
  applicationWithParticipant,
  inspectionRecord,
  PARTICIPATING_REVIEWER,
  publishedFootprint,
  issuedCertificate,
  openFinding,
  ownerEvidence,
  ROLE_CALLERS,
  submittableDraft,
  type CallerKey,
  type Participation,
  type World,
} from "./world";

/** One door to the permission, tried as the signed-in caller (`actAs` has been called). */
export type Attempt<S> = { via: "action" | "route" | "read"; name: string; run: (state: S, world: World) => Promise<Outcome> };

export type Situation<S> = {
  name: string;
  /** Builds the resource in the state the permission acts on; run again for every caller who may, since they change it. */
  arrange: (world: World) => Promise<S>;
  /**
   * Who gets through. Everyone else is refused and changes nothing. Empty only for an attempt
   * nobody may make (an attack), and then `refusals` pins why the callers it concerns are refused
   * — so a situation that is simply broken cannot pass as one.
   */
  allowed: readonly CallerKey[];
  /**
   * The reason some refused callers must be given (the refusal's message key), where the reason
   * is the point of the situation: a refusal for any other reason would prove nothing.
   */
  refusals?: Partial<Record<CallerKey, string | RegExp>>;
  /** Who is tried (default: everyone). Outsiders make no sense for a permission that acts on nobody's resource. */
  callers?: readonly CallerKey[];
  attempts: Attempt<S>[];
  /** The domain operation itself, as the platform's background jobs would call it (they act as `system`). */
  operation?: (state: S, world: World, actor: Actor) => Promise<Outcome>;
  /** The rows the doors may change. */
  snapshot: (state: S, world: World) => Promise<unknown>;
};

export type PermissionCase = { permission: Permission; situations: Situation<never>[] };

/** Erases a situation's state type so that a permission can list situations of different states. */
export function situation<S>(definition: Situation<S>): Situation<never> {
  return definition as unknown as Situation<never>;
}

/** Callers for permissions that act on no one's resource: each role in its own scope, no outsiders. */
export const WITHOUT_OUTSIDERS: readonly CallerKey[] = ["anonymous", "system", ...ROLE_CALLERS];
/** Reads have no operation a job could call: nobody acts as `system` through them. */
export const PEOPLE: readonly CallerKey[] = ALL_CALLERS.filter((caller) => caller !== "system");
export const PEOPLE_WITHOUT_OUTSIDERS: readonly CallerKey[] = ["anonymous", ...ROLE_CALLERS];

const BODY_STAFF: readonly CallerKey[] = ["verifier", "reviewer", "offTeamVerifier"];
const CERTIFICATE_MANAGERS: readonly CallerKey[] = [...BODY_STAFF, "regulator"];
/** Another region's regulator and another body hold the role but not the certificate: "not found", like a missing one. */
const CERTIFICATE_OUTSIDE_SCOPE = {
  otherRegionRegulator: "certificates.errors.notFound",
  otherBodyVerifier: "certificates.errors.notFound",
  otherBodyReviewer: "certificates.errors.notFound",
} as const;
export const READERS: readonly CallerKey[] = ["enterprise", ...BODY_STAFF];

export const unique = () => crypto.randomBytes(4).toString("hex");

const productInput = (marker: string) => ({
  nameZh: `${marker} 笔记本 ${unique()}`,
  nameEn: `${marker} laptop`,
  model: `M-${unique()}`,
  categoryId: "laptop",
  hsCode: "84713000",
  declaredUnitAmount: "1",
  declaredUnit: "piece",
  systemBoundary: "cradle_to_gate" as const,
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  productionVolume: "10000",
  site: "Plant",
  exportMarkets: [],
});

function applicationRow(applicationId: string) {
  return db
    .select({ status: applications.status, version: applications.version, revision: applications.inventoryRevision, latest: applications.latestCalculationId })
    .from(applications)
    .where(eq(applications.id, applicationId));
}

function linesOf(applicationId: string) {
  return db
    .select({ id: inventoryLines.id, description: inventoryLines.description, quantity: inventoryLines.quantity, verification: inventoryLines.verification })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, applicationId))
    .orderBy(inventoryLines.id);
}

export async function applicationState(applicationId: string) {
  return {
    application: await applicationRow(applicationId),
    lines: await linesOf(applicationId),
    findings: await db.select().from(findings).where(eq(findings.applicationId, applicationId)).orderBy(findings.id),
    inspections: await db.select({ id: onSiteInspections.id }).from(onSiteInspections).where(eq(onSiteInspections.applicationId, applicationId)),
    evidence: await db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.applicationId, applicationId)).orderBy(evidenceFiles.id),
    submissions: await db.select({ id: submissions.id, acceptedBy: submissions.acceptedBy }).from(submissions).where(eq(submissions.applicationId, applicationId)),
    calculations: await db.select({ id: calculations.id }).from(calculations).where(eq(calculations.applicationId, applicationId)),
    certificates: await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.applicationId, applicationId)),
  };
}

export async function certificateState(certificateId: string) {
  return {
    certificate: await db
      .select({ status: certificates.status, version: certificates.version, due: certificates.nextSurveillanceDue })
      .from(certificates)
      .where(eq(certificates.id, certificateId)),
    surveillance: await db.select({ id: surveillanceRecords.id }).from(surveillanceRecords).where(eq(surveillanceRecords.certificateId, certificateId)),
    renewals: await db.select({ id: applications.id }).from(applications).where(eq(applications.previousCertificateId, certificateId)),
  };
}

function importFile(): FormData {
  const text = Papa.unparse({
    fields: [...INVENTORY_IMPORT_COLUMNS],
    data: TEMPLATE_EXAMPLE_ROWS.map((row) => INVENTORY_IMPORT_COLUMNS.map((column) => row[column])),
  });
  const form = new FormData();
  form.set("file", new File([text], "lines.csv", { type: "text/csv" }));
  return form;
}

function uploadForm(target: { applicationId: string; inspectionId?: string }): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(PDF_BYTES)], `meter-${unique()}.pdf`));
  form.set("applicationId", target.applicationId);
  if (target.inspectionId) form.set("inspectionId", target.inspectionId);
  return form;
}

function storedUpload(applicationId: string, inspectionId?: string) {
  const id = crypto.randomUUID();
  return {
    applicationId,
    inspectionId,
    id,
    fileName: "meter.pdf",
    mimeType: "application/pdf",
    sizeBytes: PDF_BYTES.byteLength,
    sha256: crypto.createHash("sha256").update(PDF_BYTES).digest("hex"),
    storageKey: `${applicationId}/${id}`,
  };
}

const factorFields = (factor: { factorKey: string; region: string; unit: string }, value: string) => ({
  factorKey: factor.factorKey,
  nameZh: "测试因子",
  nameEn: "Test factor",
  category: "electricity",
  value,
  unit: factor.unit,
  region: factor.region,
  year: 2026,
  source: "Authorization matrix",
  gwpBasis: "AR6" as const,
  emissionCategory: "fossil" as const,
});

const factorVersions = (factorKey: string) =>
  db.select({ id: emissionFactors.id, value: emissionFactors.value, supersededAt: emissionFactors.supersededAt }).from(emissionFactors).where(eq(emissionFactors.factorKey, factorKey));

export const benchmarkInput = (categoryId: string) => ({
  categoryId,
  value: "250",
  source: "Authorization matrix",
  effectiveFrom: "2026-01-01",
  thresholds: "0.70, 0.85, 1.00, 1.15",
});

const plan = (applicationId: string, version: number, world: World) => ({
  applicationId,
  expectedVersion: version,
  leadVerifierId: world.users.verifier.id,
  memberIds: [],
  plannedDocumentReviewOn: "2026-12-01",
  plannedOnSiteOn: "2026-12-08",
});

const inspection = (applicationId: string) => ({
  applicationId,
  inspectedOn: "2026-12-10",
  site: "Plant",
  participants: "Lead verifier",
  scope: "Meters",
  result: "Conforms",
});

/** A footprint request as the world's enterprise would send it, to `supplierId`, marked for the snapshot. */
const supplyRequestInput = (supplierId: string, marker: string) => ({
  supplier: `organization:${supplierId}`,
  productName: marker,
  declaredUnit: "kg",
  dueOn: addDays(todayInShanghai(), 30),
});

/** A pending request between two enterprises, written as the operation writes it. */
async function pendingSupplyRequest(
  requesterOrganizationId: string,
  supplierOrganizationId: string,
  createdBy: string,
  dueOn = addDays(todayInShanghai(), 30),
  declaredUnit = "kg",
) {
  const [row] = await db
    .insert(supplyRequests)
    .values({ requesterOrganizationId, supplierOrganizationId, productName: `authz-${unique()}`, declaredUnit, dueOn, createdBy })
    .returning();
  return row;
}

const supplyRequestRow = (id: string) => db.select().from(supplyRequests).where(eq(supplyRequests.id, id));

/** The other enterprise's organization: the counterparty of a request, where the wrong side's attempt is the question. */
const otherEnterpriseOf = (world: World) => world.users.otherEnterprise.organizationId;

/** Does the caller's requests page list the request? (A page of someone else's requests says nothing.) */
const listedRequest = (requestId: string) =>
  fromRead(async (user) => (await getSupplyRequestsPage(user, supplyFiltersSchema.parse({}))).requests.find((listed) => listed.id === requestId) ?? null);

/** The requester's side asking for the supplier's answer, or the supplier's for the requester's: "not found", like a stranger. */
const WRONG_SIDE = { otherEnterprise: "supply.errors.requestNotFound" } as const;

/** A request the supplier accepted (version 2), as the accept operation leaves it. */
async function acceptedSupplyRequest(requesterOrganizationId: string, supplierOrganizationId: string, createdBy: string) {
  const pending = await pendingSupplyRequest(requesterOrganizationId, supplierOrganizationId, createdBy);
  const [accepted] = await db.update(supplyRequests).set({ status: "accepted", version: 2 }).where(eq(supplyRequests.id, pending.id)).returning();
  return accepted;
}

/** What pricing a line with a supplier's footprint changes: the line's source and value, its request, its flags. */
async function supplierLineState(applicationId: string) {
  return {
    application: await applicationRow(applicationId),
    lines: await db
      .select({
        id: inventoryLines.id,
        source: inventoryLines.source,
        value: inventoryLines.supplierFactorValue,
        unit: inventoryLines.supplierFactorUnit,
        supplier: inventoryLines.supplierName,
        requestId: inventoryLines.supplyRequestId,
        verification: inventoryLines.verification,
      })
      .from(inventoryLines)
      .where(eq(inventoryLines.applicationId, applicationId))
      .orderBy(inventoryLines.id),
    flags: await db
      .select({ id: supplierFootprintFlags.id, resolvedAt: supplierFootprintFlags.resolvedAt })
      .from(supplierFootprintFlags)
      .where(eq(supplierFootprintFlags.applicationId, applicationId)),
  };
}

/** A decision on an application awaiting it; a rejection gives its reason, as the form requires. */
const decision = (application: { id: string; version: number }, verdict: "approve" | "reject") => ({
  applicationId: application.id,
  expectedVersion: application.version,
  decision: verdict,
  reason: verdict === "reject" ? "The boundary leaves out the packaging." : "",
});

/** Both ways of deciding: approving (which issues the certificate) and rejecting. */
const DECISION_DOORS: Attempt<{ application: Application }>[] = [
  {
    via: "action",
    name: "decideApplicationAction (approve)",
    // Approving confirms the grade and benchmark the form showed.
    run: async ({ application }) => fromAction(await decideApplicationAction({ ...decision(application, "approve"), ...(await approvalOf(application.id)) })),
  },
  { via: "action", name: "decideApplicationAction (reject)", run: async ({ application }) => fromAction(await decideApplicationAction(decision(application, "reject"))) },
];

/** How the second reviewer took part, for the situation's name. */
const PARTICIPATIONS: Record<Participation, string> = {
  accepted: "accepted the submission round",
  planned: "planned the review",
  teamMember: "sits on the planned team as a member",
  recommended: "recommended it (as a verifier, since made a reviewer)",
  led: "led the verification (as a verifier, since made a reviewer)",
};

/** A calculated draft of the world's enterprise with a what-if scenario holding one change. */
async function draftWithScenario(world: World) {
  const { application } = await submittableDraft(world);
  const owner = await actorFor(world.users.enterprise);
  await executeOperation(calculateApplication, owner, { applicationId: application.id });
  const created = await executeOperation(createScenario, owner, { applicationId: application.id, name: `Base ${unique()}` });
  if (!created.ok) throw created.error;
  const [line] = await db.select({ id: inventoryLines.id }).from(inventoryLines).where(eq(inventoryLines.applicationId, application.id)).limit(1);
  const changed = await executeOperation(
    saveScenarioChange,
    owner,
    scenarioChangeSchema.parse({ scenarioId: created.data.scenarioId, lineId: line.id, kind: "scale_quantity", percent: "-20" }),
  );
  if (!changed.ok) throw changed.error;
  return { application, scenarioId: created.data.scenarioId, lineId: line.id, changeId: changed.data.changeId };
}

async function scenarioState({ application, scenarioId }: { application: Application; scenarioId: string }) {
  return {
    application: await applicationRow(application.id),
    lines: await linesOf(application.id),
    scenarios: await db.select().from(reductionScenarios).where(eq(reductionScenarios.applicationId, application.id)).orderBy(reductionScenarios.id),
    changes: await db.select().from(scenarioChanges).where(eq(scenarioChanges.scenarioId, scenarioId)).orderBy(scenarioChanges.id),
    // A draft made from the scenario is a new application of the same product.
    productApplications: await db.select({ id: applications.id }).from(applications).where(eq(applications.productId, application.productId)).orderBy(applications.id),
  };
}

/** A background job that failed its last retry, as pg-boss stores one (the runner started without handlers). */
async function failedJob() {
  await startJobs({});
  const runner = (await startedJobRunner())!;
  const jobId = (await runner.send("reminders", {}, { singletonKey: `authz-failed-${unique()}` }))!;
  await db.execute(
    sql`update ${sql.identifier(PG_BOSS_SCHEMA)}.job set state = 'failed', retry_count = retry_limit, completed_on = now(), output = '{"message":"smtp unreachable"}'::jsonb where id = ${jobId}::uuid`,
  );
  return { jobId };
}

/**
 * Verification work only the planned team does (issue 11, defect 1): the situation as it is, the
 * lead alone on the team, and again with the body's other verifier planned onto it as a member
 * — the member may then do the work like the lead, and the body's reviewer still may not.
 */
function teamWork<S extends { application: Application }>(definition: Situation<S>): Situation<never>[] {
  return [
    // Off the team, the body's other verifier is refused for that reason: forbidden, not "not found".
    situation({ ...definition, refusals: { offTeamVerifier: "errors.forbidden", ...definition.refusals } }),
    situation({
      ...definition,
      name: `${definition.name}, and the body's other verifier planned onto the team as a member`,
      arrange: async (world) => {
        const state = await definition.arrange(world);
        await db.insert(applicationTeam).values({ applicationId: state.application.id, userId: world.users.offTeamVerifier.id, teamRole: "member" });
        return state;
      },
      allowed: [...definition.allowed, "offTeamVerifier"],
    }),
  ];
}

export const PERMISSION_CASES: PermissionCase[] = [
  // -------------------------------------------------------------- enterprise
  {
    permission: "product.create",
    situations: [
      situation({
        name: "a new product of the caller's own enterprise",
        arrange: async () => ({ marker: `authz-${unique()}` }),
        allowed: ["enterprise"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "createProductAction", run: async ({ marker }) => fromAction(await createProductAction(productInput(marker))) }],
        operation: ({ marker }, _world, actor) => fromOperation(createProductOperation, actor, productSchema.parse(productInput(marker))),
        snapshot: ({ marker }) => db.select({ id: products.id }).from(products).where(like(products.nameZh, `${marker}%`)),
      }),
    ],
  },
  {
    permission: "product.update",
    situations: [
      situation({
        name: "the enterprise's product, no application with a body",
        arrange: async (world) => ({ product: await createProduct(world.enterprise.id) }),
        allowed: ["enterprise"],
        attempts: [
          {
            via: "action",
            name: "updateProductAction",
            run: async ({ product }) => fromAction(await updateProductAction({ ...productInput("updated"), productId: product.id })),
          },
        ],
        operation: ({ product }, _world, actor) =>
          fromOperation(updateProduct, actor, { ...productSchema.parse(productInput("updated")), productId: product.id }),
        snapshot: ({ product }) => db.select().from(products).where(eq(products.id, product.id)),
      }),
    ],
  },
  {
    permission: "application.create",
    situations: [
      situation({
        name: "the enterprise's product without an open application",
        arrange: async (world) => ({ product: await createProduct(world.enterprise.id) }),
        allowed: ["enterprise"],
        attempts: [{ via: "action", name: "createApplicationAction", run: async ({ product }) => fromAction(await createApplicationAction({ productId: product.id })) }],
        operation: ({ product }, _world, actor) => fromOperation(createApplicationOperation, actor, { productId: product.id }),
        snapshot: ({ product }) => db.select({ id: applications.id }).from(applications).where(eq(applications.productId, product.id)),
      }),
    ],
  },
  {
    permission: "inventory.edit",
    situations: [
      situation({
        name: "a draft's inventory",
        arrange: async (world) => {
          const application = await draftApplication(world);
          const [line] = await linesOf(application.id);
          return { application, lineId: line.id };
        },
        allowed: ["enterprise"],
        attempts: [
          { via: "action", name: "addInventoryLineAction", run: async ({ application }) => fromAction(await addInventoryLineAction(lineInput(application.id))) },
          {
            via: "action",
            name: "updateInventoryLineAction",
            run: async ({ application, lineId }) => fromAction(await updateInventoryLineAction({ ...lineInput(application.id), lineId })),
          },
          {
            via: "action",
            name: "deleteInventoryLineAction",
            run: async ({ application, lineId }) => fromAction(await deleteInventoryLineAction({ applicationId: application.id, lineId })),
          },
          {
            via: "read",
            name: "the line's edit form (getOwnInventoryLine)",
            run: ({ application, lineId }) => fromRead((user) => getOwnInventoryLine(user, application.id, lineId)),
          },
          {
            via: "route",
            name: "POST /api/applications/[id]/inventory-import",
            run: async ({ application }) => {
              const request = new Request(`http://localhost/api/applications/${application.id}/inventory-import`, { method: "POST", body: importFile() });
              return fromResponse(await importInventoryRoute(request, { params: Promise.resolve({ id: application.id }) }));
            },
          },
        ],
        operation: ({ application }, _world, actor) => fromOperation(addInventoryLine, actor, inventoryLineSchema.parse(lineInput(application.id))),
        snapshot: ({ application }) => applicationState(application.id),
      }),
      situation({
        name: "a draft's line priced with the footprint a supplier shared through a fulfilled request",
        arrange: fulfilledRequestFromSupplier,
        allowed: ["enterprise"],
        attempts: [
          {
            via: "action",
            name: "applySupplierFootprintAction",
            run: async ({ application, lineId, requestId }) => fromAction(await applySupplierFootprintAction({ requestId, applicationId: application.id, lineId })),
          },
        ],
        operation: ({ application, lineId, requestId }, _world, actor) => fromOperation(applySupplierFootprint, actor, { requestId, applicationId: application.id, lineId }),
        snapshot: ({ application }) => supplierLineState(application.id),
      }),
      situation({
        name: "a draft's line priced with the footprint another company's request received: nobody may",
        arrange: (world) => fulfilledRequestFromSupplier(world, world.users.otherEnterprise),
        allowed: [],
        // The line's owner did not ask for it; the one who asked does not own the line.
        refusals: { enterprise: "supply.errors.requestNotFound", otherEnterprise: "errors.notFound" },
        attempts: [
          {
            via: "action",
            name: "applySupplierFootprintAction",
            run: async ({ application, lineId, requestId }) => fromAction(await applySupplierFootprintAction({ requestId, applicationId: application.id, lineId })),
          },
        ],
        operation: ({ application, lineId, requestId }, _world, actor) => fromOperation(applySupplierFootprint, actor, { requestId, applicationId: application.id, lineId }),
        snapshot: ({ application }) => supplierLineState(application.id),
      }),
      situation({
        name: "a draft's supplier line flagged after the supplier's certificate was suspended: keeping it knowingly",
        arrange: flaggedSupplierLine,
        allowed: ["enterprise"],
        attempts: [
          {
            via: "action",
            name: "confirmSupplierFootprintAction",
            run: async ({ application, lineId }) => fromAction(await confirmSupplierFootprintAction({ applicationId: application.id, lineId })),
          },
        ],
        operation: ({ application, lineId }, _world, actor) => fromOperation(confirmSupplierFootprint, actor, { applicationId: application.id, lineId }),
        snapshot: ({ application }) => supplierLineState(application.id),
      }),
      situation({
        name: "the factor picker of the inventory form",
        arrange: async () => ({}),
        allowed: ["enterprise"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [
          {
            via: "route",
            name: "GET /api/enterprise/factors",
            run: async () => fromResponse(await factorPickerRoute(new NextRequest("http://localhost/api/enterprise/factors?q=electricity"))),
          },
        ],
        snapshot: async () => null,
      }),
    ],
  },
  {
    permission: "evidence.upload",
    situations: [
      situation({
        name: "the owner's draft",
        arrange: async (world) => ({ application: await draftApplication(world) }),
        allowed: ["enterprise"],
        attempts: [
          { via: "action", name: "uploadEvidenceAction", run: async ({ application }) => fromAction(await uploadEvidenceAction(uploadForm({ applicationId: application.id }))) },
        ],
        operation: ({ application }, _world, actor) => fromOperation(recordEvidenceUpload, actor, storedUpload(application.id)),
        snapshot: ({ application }) => applicationState(application.id),
      }),
      situation({
        name: "the body's inspection record of an application in review",
        arrange: async (world) => {
          const { application } = await entrustedApplication(world, "in_review");
          return { application, inspection: await inspectionRecord(world, application) };
        },
        allowed: BODY_STAFF,
        attempts: [
          {
            via: "action",
            name: "uploadEvidenceAction",
            run: async ({ application, inspection }) =>
              fromAction(await uploadEvidenceAction(uploadForm({ applicationId: application.id, inspectionId: inspection.id }))),
          },
        ],
        operation: ({ application, inspection }, _world, actor) => fromOperation(recordEvidenceUpload, actor, storedUpload(application.id, inspection.id)),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "evidence.delete",
    situations: [
      situation({
        name: "the owner's file on its draft",
        arrange: async (world) => {
          const application = await draftApplication(world);
          return { application, file: await ownerEvidence(world, application) };
        },
        allowed: ["enterprise"],
        attempts: [{ via: "action", name: "deleteEvidenceAction", run: async ({ file }) => fromAction(await deleteEvidenceAction({ evidenceId: file.id })) }],
        operation: ({ file }, _world, actor) => fromOperation(deleteEvidence, actor, { evidenceId: file.id }),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "application.calculate",
    situations: [
      situation({
        name: "a complete draft",
        arrange: async (world) => submittableDraft(world),
        allowed: ["enterprise"],
        attempts: [
          { via: "action", name: "calculateApplicationAction", run: async ({ application }) => fromAction(await calculateApplicationAction({ applicationId: application.id })) },
        ],
        operation: ({ application }, _world, actor) => fromOperation(calculateApplication, actor, { applicationId: application.id }),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "application.submit",
    situations: [
      situation({
        name: "a complete draft",
        arrange: async (world) => submittableDraft(world),
        allowed: ["enterprise"],
        attempts: [
          {
            via: "action",
            name: "submitApplicationAction",
            run: async ({ application }, world) => fromAction(await submitApplicationAction({ applicationId: application.id, verificationBodyId: world.body.id })),
          },
        ],
        operation: ({ application }, world, actor) => fromOperation(submitApplication, actor, { applicationId: application.id, verificationBodyId: world.body.id }),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "application.withdrawSubmission",
    situations: [
      situation({
        name: "a submission the body has not accepted",
        arrange: async (world) => entrustedApplication(world, "submitted"),
        allowed: ["enterprise"],
        attempts: [{ via: "action", name: "withdrawSubmissionAction", run: async ({ application }) => fromAction(await withdrawSubmissionAction({ applicationId: application.id })) }],
        operation: ({ application }, _world, actor) => fromOperation(withdrawSubmission, actor, { applicationId: application.id }),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "finding.respond",
    situations: [
      situation({
        name: "an open finding of an application sent back",
        arrange: async (world) => {
          const { application } = await entrustedApplication(world, "changes_requested");
          return { application, finding: await openFinding(world, application) };
        },
        allowed: ["enterprise"],
        attempts: [
          {
            via: "action",
            name: "respondToFindingAction",
            run: async ({ finding }) => fromAction(await respondToFindingAction({ findingId: finding.id, response: "Meter photos uploaded." })),
          },
        ],
        operation: ({ finding }, _world, actor) => fromOperation(respondToFinding, actor, { findingId: finding.id, response: "Meter photos uploaded." }),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "certificate.recertify",
    situations: [
      situation({
        name: "a valid certificate",
        arrange: async (world) => issuedCertificate(world),
        allowed: ["enterprise"],
        attempts: [{ via: "action", name: "recertifyAction", run: async ({ certificate }) => fromAction(await recertifyAction({ certificateId: certificate.id })) }],
        operation: ({ certificate }, _world, actor) => fromOperation(recertify, actor, { certificateId: certificate.id }),
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  // ------------------------------------------------------------- reading
  {
    permission: "scenario.manage",
    situations: [
      situation({
        name: "a calculated draft with a scenario holding one change",
        arrange: draftWithScenario,
        allowed: ["enterprise"],
        attempts: [
          {
            via: "action",
            name: "createScenarioAction",
            run: async ({ application }) => fromAction(await createScenarioAction({ applicationId: application.id, name: `What if ${unique()}` })),
          },
          {
            via: "action",
            name: "saveScenarioChangeAction",
            run: async ({ scenarioId, lineId }) => fromAction(await saveScenarioChangeAction({ scenarioId, lineId, kind: "scale_quantity", percent: "-10" })),
          },
          { via: "action", name: "removeScenarioChangeAction", run: async ({ changeId }) => fromAction(await removeScenarioChangeAction({ changeId })) },
          { via: "action", name: "deleteScenarioAction", run: async ({ scenarioId }) => fromAction(await deleteScenarioAction({ scenarioId })) },
          { via: "read", name: "getScenariosPage", run: ({ application }) => fromRead((user) => getScenariosPage(user, application.id)) },
        ],
        operation: ({ application }, _world, actor) => fromOperation(createScenario, actor, { applicationId: application.id, name: "By a job" }),
        snapshot: scenarioState,
      }),
      situation({
        name: "a scenario of a certified application, made a new draft",
        arrange: async (world) => {
          const state = await draftWithScenario(world);
          // Decided: the product has no open application, so the scenario may become its next draft.
          await db.update(applications).set({ status: "certified" }).where(eq(applications.id, state.application.id));
          return state;
        },
        allowed: ["enterprise"],
        attempts: [{ via: "action", name: "draftFromScenarioAction", run: async ({ scenarioId }) => fromAction(await draftFromScenarioAction({ scenarioId })) }],
        operation: ({ scenarioId }, _world, actor) => fromOperation(draftFromScenario, actor, { scenarioId }),
        snapshot: scenarioState,
      }),
    ],
  },
  {
    permission: "application.read",
    situations: [
      situation({
        name: "an application in review",
        arrange: async (world) => entrustedApplication(world, "in_review"),
        allowed: READERS,
        callers: PEOPLE,
        attempts: [
          {
            via: "read",
            name: "the application page of the caller's portal (workspace or review)",
            run: ({ application }) =>
              fromRead(async (user) => (await getApplicationWorkspace(user, application.id)) ?? (await loadVerifierApplication(user, application.id))),
          },
        ],
        snapshot: ({ application }) => applicationState(application.id),
      }),
      situation({
        name: "an application in review, through the REST API (the regulator of its region reads it there)",
        arrange: async (world) => entrustedApplication(world, "in_review"),
        allowed: [...READERS, "regulator"],
        callers: PEOPLE,
        attempts: [
          { via: "read", name: "GET /api/v1/applications/{id} (getApiApplication)", run: ({ application }) => fromRead((user) => getApiApplication(user, application.id)) },
          {
            via: "read",
            name: "GET /api/v1/applications/{id}/inventory-lines (listApiInventoryLines)",
            run: ({ application }) => fromRead((user) => listApiInventoryLines(user, application.id, { limit: 50 })),
          },
          {
            via: "read",
            name: "GET /api/v1/applications/{id}/inventory-lines/{lineId} (getApiInventoryLine)",
            run: ({ application, lineId }) => fromRead((user) => getApiInventoryLine(user, application.id, lineId)),
          },
          { via: "read", name: "GET /api/v1/products/{id} (getApiProduct)", run: ({ application }) => fromRead((user) => getApiProduct(user, application.productId)) },
        ],
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "evidence.download",
    situations: [
      situation({
        name: "the owner's file on an application in review",
        arrange: async (world) => {
          const { application } = await entrustedApplication(world, "in_review");
          return { application, file: await ownerEvidence(world, application) };
        },
        allowed: [...READERS, "regulator"],
        callers: PEOPLE,
        attempts: [
          {
            via: "read",
            name: "the evidence list of the application's pages (listEvidence): is the file in it",
            run: ({ application, file }) => fromRead(async (user) => (await listEvidence(user, application.id)).find((listed) => listed.id === file.id) ?? null),
          },
          {
            via: "route",
            name: "GET /api/evidence/[id]",
            run: async ({ file }) => fromResponse(await evidenceRoute(new Request(`http://localhost/api/evidence/${file.id}`), { params: Promise.resolve({ id: file.id }) })),
          },
          {
            via: "route",
            name: "GET /api/evidence/[id]?inline=1",
            run: async ({ file }) => fromResponse(await evidenceRoute(new Request(`http://localhost/api/evidence/${file.id}?inline=1`), { params: Promise.resolve({ id: file.id }) })),
          },
        ],
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  // ------------------------------------------------------- verification body
  {
    permission: "application.accept",
    situations: [
      situation({
        name: "a submission to the body",
        arrange: async (world) => entrustedApplication(world, "submitted"),
        allowed: BODY_STAFF,
        attempts: [
          {
            via: "action",
            name: "acceptApplicationAction",
            run: async ({ application }) => fromAction(await acceptApplicationAction({ applicationId: application.id, expectedVersion: application.version })),
          },
        ],
        operation: ({ application }, _world, actor) => fromOperation(acceptApplication, actor, { applicationId: application.id, expectedVersion: application.version }),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "application.decline",
    situations: [
      situation({
        name: "a submission to the body",
        arrange: async (world) => entrustedApplication(world, "submitted"),
        allowed: BODY_STAFF,
        attempts: [
          {
            via: "action",
            name: "declineApplicationAction",
            run: async ({ application }) =>
              fromAction(await declineApplicationAction({ applicationId: application.id, expectedVersion: application.version, reason: "No auditor for this sector" })),
          },
        ],
        operation: ({ application }, _world, actor) =>
          fromOperation(declineApplication, actor, { applicationId: application.id, expectedVersion: application.version, reason: "No auditor" }),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "conflict.declare",
    situations: [
      situation({
        name: "a submission to the body",
        arrange: async (world) => entrustedApplication(world, "submitted"),
        allowed: BODY_STAFF,
        attempts: [
          {
            via: "action",
            name: "declareConflictAction",
            run: async ({ application }) => fromAction(await declareConflictAction({ applicationId: application.id, reason: "Consulted for them" })),
          },
        ],
        operation: ({ application }, _world, actor) => fromOperation(declareConflict, actor, { applicationId: application.id, reason: "Consulted for them" }),
        snapshot: async ({ application }, world) => ({
          application: await applicationState(application.id),
          conflicts: await db.select().from(conflictsOfInterest).where(eq(conflictsOfInterest.enterpriseId, world.enterprise.id)),
        }),
      }),
    ],
  },
  {
    permission: "application.plan",
    situations: [
      situation({
        name: "an accepted application",
        arrange: async (world) => entrustedApplication(world, "accepted"),
        allowed: BODY_STAFF,
        attempts: [
          {
            via: "action",
            name: "planReviewAction",
            run: async ({ application }, world) => fromAction(await planReviewAction(plan(application.id, application.version, world))),
          },
        ],
        operation: ({ application }, world, actor) => fromOperation(planReview, actor, plan(application.id, application.version, world)),
        snapshot: ({ application }) => applicationState(application.id),
      }),
    ],
  },
  {
    permission: "application.recordInspection",
    situations: teamWork({
      name: "an application in review, the lead's team",
      arrange: async (world) => entrustedApplication(world, "in_review"),
      allowed: ["verifier"],
      attempts: [{ via: "action", name: "recordInspectionAction", run: async ({ application }) => fromAction(await recordInspectionAction(inspection(application.id))) }],
      operation: ({ application }, _world, actor) => fromOperation(recordInspection, actor, inspection(application.id)),
      snapshot: ({ application }) => applicationState(application.id),
    }),
  },
  {
    permission: "line.verify",
    situations: teamWork({
      name: "an application in review, the lead's team",
      arrange: async (world) => entrustedApplication(world, "in_review"),
      allowed: ["verifier"],
      attempts: [
        {
          via: "action",
          name: "verifyLineAction",
          run: async ({ application, lineId }) => fromAction(await verifyLineAction({ applicationId: application.id, lineId, verified: true })),
        },
        {
          via: "action",
          name: "verifyRemainingLinesAction",
          // Confirming the count the page would show: every line of the fixture's inventory is unverified.
          run: async ({ application }) => {
            const lines = await db.select({ id: inventoryLines.id }).from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
            return fromAction(await verifyRemainingLinesAction({ applicationId: application.id, expectedCount: lines.length }));
          },
        },
      ],
      operation: ({ application, lineId }, _world, actor) => fromOperation(verifyLine, actor, { applicationId: application.id, lineId, verified: true }),
      snapshot: ({ application }) => applicationState(application.id),
    }),
  },
  {
    permission: "finding.raise",
    situations: teamWork({
      name: "an application in review, the lead's team",
      arrange: async (world) => entrustedApplication(world, "in_review"),
      allowed: ["verifier"],
      attempts: [
        {
          via: "action",
          name: "raiseFindingAction",
          run: async ({ application }) => fromAction(await raiseFindingAction({ applicationId: application.id, severity: "major", text: "Missing invoices" })),
        },
      ],
      operation: ({ application }, _world, actor) =>
        fromOperation(raiseFinding, actor, { applicationId: application.id, severity: "major" as const, text: "Missing invoices" }),
      snapshot: ({ application }) => applicationState(application.id),
    }),
  },
  {
    permission: "finding.close",
    situations: teamWork({
      name: "an open finding of an application in review",
      arrange: async (world) => {
        const { application } = await entrustedApplication(world, "in_review");
        return { application, finding: await openFinding(world, application) };
      },
      allowed: ["verifier"],
      attempts: [
        {
          via: "action",
          name: "closeFindingAction",
          run: async ({ application, finding }) => fromAction(await closeFindingAction({ applicationId: application.id, findingId: finding.id })),
        },
      ],
      operation: ({ application, finding }, _world, actor) => fromOperation(closeFinding, actor, { applicationId: application.id, findingId: finding.id }),
      snapshot: ({ application }) => applicationState(application.id),
    }),
  },
  {
    permission: "application.requestChanges",
    situations: teamWork({
      name: "an application in review with an open finding",
      arrange: async (world) => {
        const { application } = await entrustedApplication(world, "in_review");
        await openFinding(world, application);
        return { application };
      },
      allowed: ["verifier"],
      attempts: [
        {
          via: "action",
          name: "requestChangesAction",
          run: async ({ application }) => fromAction(await requestChangesAction({ applicationId: application.id, expectedVersion: application.version })),
        },
      ],
      operation: ({ application }, _world, actor) => fromOperation(requestChanges, actor, { applicationId: application.id, expectedVersion: application.version }),
      snapshot: ({ application }) => applicationState(application.id),
    }),
  },
  {
    permission: "application.recommend",
    situations: teamWork({
      name: "an application in review with every line verified",
      arrange: async (world) => entrustedApplication(world, "in_review", { linesVerified: true }),
      allowed: ["verifier"],
      attempts: [
        {
          via: "action",
          name: "recommendApplicationAction",
          run: async ({ application }) =>
            fromAction(
              await recommendApplicationAction({ applicationId: application.id, expectedVersion: application.version, recommendation: "approve", statement: "Verified." }),
            ),
        },
      ],
      operation: ({ application }, _world, actor) =>
        fromOperation(recommendApplication, actor, {
          applicationId: application.id,
          expectedVersion: application.version,
          recommendation: "approve" as const,
          statement: "Verified.",
        }),
      snapshot: ({ application }) => applicationState(application.id),
    }),
  },
  {
    permission: "application.decide",
    situations: [
      situation({
        name: "an application awaiting the decision, its reviewer independent",
        arrange: async (world) => entrustedApplication(world, "awaiting_decision"),
        allowed: ["reviewer"],
        attempts: DECISION_DOORS,
        operation: ({ application }, _world, actor) => fromOperation(decideApplication, actor, decision(application, "approve")),
        snapshot: ({ application }) => applicationState(application.id),
      }),
      // Separation of duties (issue 11, defect 1): whoever took part in the verification may not
      // decide it; the body's reviewer who took no part may, in the very same application.
      ...(Object.entries(PARTICIPATIONS) as [Participation, string][]).map(([participation, description]) =>
        situation({
          name: `separation of duties: awaiting the decision, the body's second reviewer ${description}`,
          arrange: (world) => applicationWithParticipant(world, participation),
          allowed: ["reviewer"],
          callers: [...ALL_CALLERS, PARTICIPATING_REVIEWER],
          refusals: { [PARTICIPATING_REVIEWER]: participation === "led" ? "verifier.errors.leadCannotDecide" : "verifier.errors.deciderNotIndependent" },
          attempts: DECISION_DOORS,
          operation: ({ application }, _world, actor) => fromOperation(decideApplication, actor, decision(application, "approve")),
          snapshot: ({ application }) => applicationState(application.id),
        }),
      ),
    ],
  },
  {
    permission: "stageTarget.manage",
    situations: [
      situation({
        name: "the body's own stage target",
        arrange: async () => ({}),
        allowed: ["reviewer"],
        // A reviewer of another body sets only its own body's target (the operation takes the body from the actor).
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "setStageTargetAction", run: async () => fromAction(await setStageTargetAction({ stageTargetDays: "21" })) }],
        operation: (_state, _world, actor) => fromOperation(setStageTarget, actor, { stageTargetDays: 21 }),
        snapshot: (_state, world) => db.select({ stageTargetDays: organizations.stageTargetDays }).from(organizations).where(eq(organizations.id, world.body.id)),
      }),
    ],
  },
  {
    permission: "certificate.recordSurveillance",
    situations: [
      situation({
        name: "a valid certificate of the body",
        arrange: async (world) => issuedCertificate(world),
        allowed: BODY_STAFF,
        attempts: [
          {
            via: "action",
            name: "recordSurveillanceAction",
            run: async ({ certificate }) =>
              fromAction(
                await recordSurveillanceAction({ certificateId: certificate.id, expectedVersion: certificate.version, performedOn: todayInShanghai(), result: "passed", notes: "Audit" }),
              ),
          },
        ],
        operation: ({ certificate }, _world, actor) =>
          fromOperation(recordSurveillance, actor, {
            certificateId: certificate.id,
            expectedVersion: certificate.version,
            performedOn: todayInShanghai(),
            result: "passed" as const,
            notes: "Audit",
          }),
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  // ------------------------------------------------------- certificate status
  {
    permission: "certificate.suspend",
    situations: [
      situation({
        name: "a valid certificate",
        arrange: async (world) => issuedCertificate(world),
        allowed: CERTIFICATE_MANAGERS,
        refusals: CERTIFICATE_OUTSIDE_SCOPE,
        attempts: [
          {
            via: "action",
            name: "suspendCertificateAction",
            run: async ({ certificate }) => fromAction(await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: certificate.version, reason: "Complaint" })),
          },
        ],
        operation: ({ certificate }, _world, actor) =>
          fromOperation(suspendCertificate, actor, { certificateId: certificate.id, expectedVersion: certificate.version, reason: "Complaint" }),
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  {
    permission: "certificate.reinstate",
    situations: [
      situation({
        name: "a suspended certificate",
        arrange: async (world) => issuedCertificate(world, "suspended"),
        allowed: CERTIFICATE_MANAGERS,
        refusals: CERTIFICATE_OUTSIDE_SCOPE,
        attempts: [
          {
            via: "action",
            name: "reinstateCertificateAction",
            run: async ({ certificate }) => fromAction(await reinstateCertificateAction({ certificateId: certificate.id, expectedVersion: certificate.version, reason: "Resolved" })),
          },
        ],
        operation: ({ certificate }, _world, actor) =>
          fromOperation(reinstateCertificate, actor, { certificateId: certificate.id, expectedVersion: certificate.version, reason: "Resolved" }),
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  {
    permission: "certificate.withdraw",
    situations: [
      situation({
        name: "a valid certificate",
        arrange: async (world) => issuedCertificate(world),
        allowed: CERTIFICATE_MANAGERS,
        refusals: CERTIFICATE_OUTSIDE_SCOPE,
        attempts: [
          {
            via: "action",
            name: "withdrawCertificateAction",
            run: async ({ certificate }) => fromAction(await withdrawCertificateAction({ certificateId: certificate.id, expectedVersion: certificate.version, reason: "Fraud" })),
          },
        ],
        operation: ({ certificate }, _world, actor) =>
          fromOperation(withdrawCertificate, actor, { certificateId: certificate.id, expectedVersion: certificate.version, reason: "Fraud" }),
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  {
    permission: "certificate.download",
    situations: [
      situation({
        name: "a valid certificate",
        arrange: async (world) => issuedCertificate(world),
        allowed: [...READERS, "regulator"],
        callers: PEOPLE,
        attempts: [
          {
            via: "route",
            name: "GET /api/certificates/[number]/certificate",
            run: async ({ certificate }) =>
              fromResponse(
                await certificatePdfRoute(new Request(`http://localhost/api/certificates/${certificate.number}/certificate`), {
                  params: Promise.resolve({ number: certificate.number }),
                }),
              ),
          },
        ],
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  {
    permission: "certificate.exportPact",
    situations: [
      situation({
        name: "a valid certificate published over PACT",
        arrange: async (world) => {
          const issued = await issuedCertificate(world);
          // The world's product declares no mass or carbon content; PACT needs both to publish.
          const snapshot = issued.certificate.snapshot as CertificateSnapshot;
          const product = { ...snapshot.inventory.product, massPerDeclaredUnit: "1.6", fossilCarbonContent: "0.42" };
          await db.transaction((tx) =>
            publishCertificateFootprint(tx, { ...issued.certificate, snapshot: { ...snapshot, inventory: { ...snapshot.inventory, product } } }),
          );
          return issued;
        },
        allowed: READERS,
        callers: PEOPLE,
        attempts: [
          {
            via: "route",
            name: "GET /api/certificates/[number]/pact",
            run: async ({ certificate }) =>
              fromResponse(
                await certificatePactRoute(new Request(`http://localhost/api/certificates/${certificate.number}/pact`), {
                  params: Promise.resolve({ number: certificate.number }),
                }),
              ),
          },
        ],
        snapshot: ({ certificate }) => certificateState(certificate.id),
      }),
    ],
  },
  // ------------------------------------------------------------- regulator
  {
    permission: "dashboard.read",
    situations: [
      situation({
        name: "the pilot dashboard of the caller's region",
        arrange: async () => ({}),
        allowed: ["regulator"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [
          { via: "read", name: "pilotDashboard", run: () => fromRead((user) => pilotDashboard(user, {})) },
          { via: "route", name: "GET /regulator/export", run: async () => fromResponse(await dashboardExportRoute(new Request("http://localhost/regulator/export"))) },
        ],
        snapshot: async () => null,
      }),
    ],
  },
  {
    permission: "target.manage",
    situations: [
      situation({
        name: "a pilot target of the caller's region",
        arrange: async () => ({ title: `authz-${unique()}` }),
        allowed: ["regulator"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          {
            via: "action",
            name: "createPilotTargetAction",
            run: async ({ title }) => fromAction(await createPilotTargetAction({ title, metric: "certificates_issued", targetCount: 5, deadline: "2030-12-31" })),
          },
        ],
        operation: ({ title }, _world, actor) =>
          fromOperation(createPilotTarget, actor, { title, categoryId: undefined, metric: "certificates_issued" as const, targetCount: 5, deadline: "2030-12-31" }),
        snapshot: ({ title }) => db.select({ id: pilotTargets.id }).from(pilotTargets).where(eq(pilotTargets.title, title)),
      }),
    ],
  },
  {
    permission: "benchmark.manage",
    situations: [
      situation({
        name: "a benchmark of the caller's region, for a category of its own",
        arrange: async () => ({ categoryId: await createCategory() }),
        allowed: ["regulator"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          { via: "action", name: "createBenchmarkVersionAction", run: async ({ categoryId }) => fromAction(await createBenchmarkVersionAction(benchmarkInput(categoryId))) },
          { via: "action", name: "previewBenchmarkVersionAction", run: async ({ categoryId }) => fromAction(await previewBenchmarkVersionAction(benchmarkInput(categoryId))) },
        ],
        operation: ({ categoryId }, _world, actor) => fromOperation(createBenchmarkVersion, actor, benchmarkInput(categoryId)),
        snapshot: ({ categoryId }) => db.select({ id: benchmarks.id, region: benchmarks.region }).from(benchmarks).where(eq(benchmarks.categoryId, categoryId)),
      }),
    ],
  },
  {
    permission: "factor.manage",
    situations: [
      situation({
        name: "a factor of the region: a new version",
        arrange: async (world) => ({ factor: await createFactor("0.5", "kWh", world.region) }),
        allowed: ["regulator"],
        // Cross-region (issue 11, defect 2): refused for the factor's region, row by row in an import.
        refusals: { otherRegionRegulator: /^(factors\.errors\.otherRegion|factors\.errors\.rowRefused\?line=2&field=region)$/ },
        attempts: [
          { via: "action", name: "addFactorVersionAction", run: async ({ factor }) => fromAction(await addFactorVersionAction(factorFields(factor, "0.55"))) },
          {
            via: "action",
            name: "importFactorsAction",
            run: async ({ factor }) =>
              fromAction(
                await importFactorsAction({
                  csv: `factor_key,name_zh,name_en,category,value,unit,region,year,source\n${factor.factorKey},测试,Test,electricity,0.56,kWh,${factor.region},2026,S`,
                }),
              ),
          },
        ],
        operation: ({ factor }, _world, actor) => fromOperation(addFactorVersion, actor, factorFields(factor, "0.55")),
        snapshot: ({ factor }) => factorVersions(factor.factorKey),
      }),
      situation({
        name: "a factor of the region moved to another region: nobody may (a key keeps its first version's region)",
        arrange: async (world) => ({ factor: await createFactor("0.5", "kWh", world.region) }),
        allowed: [],
        refusals: {
          regulator: /^(errors\.validation region=factors\.errors\.regionFixed|factors\.errors\.rowRefused\?line=2&field=region)$/,
          otherRegionRegulator: /^(factors\.errors\.otherRegion|factors\.errors\.rowRefused\?line=2&field=region)$/,
        },
        attempts: [
          {
            via: "action",
            name: "addFactorVersionAction",
            run: async ({ factor }, world) => fromAction(await addFactorVersionAction(factorFields({ ...factor, region: world.otherRegion }, "0.6"))),
          },
          {
            via: "action",
            name: "importFactorsAction",
            run: async ({ factor }, world) =>
              fromAction(
                await importFactorsAction({
                  csv: `factor_key,name_zh,name_en,category,value,unit,region,year,source\n${factor.factorKey},测试,Test,electricity,0.6,kWh,${world.otherRegion},2026,S`,
                }),
              ),
          },
        ],
        operation: ({ factor }, world, actor) => fromOperation(addFactorVersion, actor, factorFields({ ...factor, region: world.otherRegion }, "0.6")),
        snapshot: ({ factor }) => factorVersions(factor.factorKey),
      }),
      situation({
        name: "a new factor key of the region",
        arrange: async (world) => ({ factor: { factorKey: `test.authz.${unique()}`, region: world.region, unit: "kWh" } }),
        allowed: ["regulator"],
        refusals: { otherRegionRegulator: /^(errors\.validation region=factors\.errors\.otherRegion|factors\.errors\.rowRefused\?line=2&field=region)$/ },
        attempts: [
          { via: "action", name: "addFactorVersionAction", run: async ({ factor }) => fromAction(await addFactorVersionAction(factorFields(factor, "0.4"))) },
          {
            via: "action",
            name: "importFactorsAction",
            run: async ({ factor }) =>
              fromAction(
                await importFactorsAction({
                  csv: `factor_key,name_zh,name_en,category,value,unit,region,year,source\n${factor.factorKey},测试,Test,electricity,0.41,kWh,${factor.region},2026,S`,
                }),
              ),
          },
        ],
        operation: ({ factor }, _world, actor) => fromOperation(addFactorVersion, actor, factorFields(factor, "0.4")),
        snapshot: ({ factor }) => factorVersions(factor.factorKey),
      }),
    ],
  },
  {
    permission: "factor.manageNational",
    situations: [
      situation({
        name: "a national factor: a new version",
        arrange: async () => ({ factor: await createFactor("0.5", "kWh", "CN") }),
        allowed: ["admin"],
        attempts: [{ via: "action", name: "addFactorVersionAction", run: async ({ factor }) => fromAction(await addFactorVersionAction(factorFields(factor, "0.45"))) }],
        operation: ({ factor }, _world, actor) => fromOperation(addFactorVersion, actor, factorFields(factor, "0.45")),
        snapshot: ({ factor }) => factorVersions(factor.factorKey),
      }),
      situation({
        name: "a new international factor key",
        arrange: async () => ({ factor: { factorKey: `test.authz.glo.${unique()}`, region: "GLO", unit: "kWh" } }),
        allowed: ["admin"],
        attempts: [{ via: "action", name: "addFactorVersionAction", run: async ({ factor }) => fromAction(await addFactorVersionAction(factorFields(factor, "0.3"))) }],
        operation: ({ factor }, _world, actor) => fromOperation(addFactorVersion, actor, factorFields(factor, "0.3")),
        snapshot: ({ factor }) => factorVersions(factor.factorKey),
      }),
    ],
  },
  {
    permission: "audit.read",
    situations: [
      situation({
        name: "the audit trail of the caller's region",
        arrange: async () => ({}),
        allowed: ["regulator"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [
          { via: "read", name: "listAuditEvents", run: () => fromRead((user) => listAuditEvents(user, {})) },
          { via: "read", name: "auditFilterChoices", run: () => fromRead((user) => auditFilterChoices(user)) },
        ],
        snapshot: async () => null,
      }),
    ],
  },
  {
    permission: "audit.verifyChain",
    situations: [
      situation({
        name: "the audit chain check",
        arrange: async () => ({}),
        allowed: ["regulator"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "verifyAuditChainAction", run: async () => fromAction(await verifyAuditChainAction({})) }],
        snapshot: async () => null,
      }),
    ],
  },
  // ------------------------------------------------------------- operator
  {
    permission: "organization.manage",
    situations: [
      situation({
        name: "a new verification body",
        arrange: async () => ({ marker: `authz-${unique()}` }),
        allowed: ["admin"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          {
            via: "action",
            name: "createOrganizationAction",
            run: async ({ marker }) =>
              fromAction(await createOrganizationAction({ kind: "verification_body", name: `${marker} ${unique()}`, region: "500000", district: "500112" })),
          },
        ],
        operation: ({ marker }, _world, actor) =>
          fromOperation(createOrganizationOperation, actor, { kind: "verification_body" as const, name: `${marker} ${unique()}`, region: "500000", district: "500112" }),
        snapshot: ({ marker }) => db.select({ id: organizations.id }).from(organizations).where(like(organizations.name, `${marker}%`)),
      }),
    ],
  },
  {
    permission: "user.manage",
    situations: [
      situation({
        name: "a new user of a body",
        arrange: async () => ({ marker: `authz-${unique()}` }),
        allowed: ["admin"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          { via: "read", name: "listUsers", run: () => fromRead((user) => listUsers(user, { q: "verifier" })) },
          {
            via: "action",
            name: "createUserAction",
            run: async ({ marker }, world) =>
              fromAction(
                await createUserAction({ organizationId: world.body.id, name: "New verifier", email: `${marker}-${unique()}@test.carbonlabel.org`, role: "verifier", password: TEST_PASSWORD }),
              ),
          },
        ],
        operation: ({ marker }, world, actor) =>
          fromOperation(createUserOperation, actor, {
            organizationId: world.body.id,
            name: "New verifier",
            email: `${marker}-${unique()}@test.carbonlabel.org`,
            role: "verifier" as const,
            passwordHash: "not-a-real-hash",
          }),
        snapshot: ({ marker }) => db.select({ id: users.id }).from(users).where(like(users.email, `${marker}%`)),
      }),
      situation({
        name: "a body's user: role change and disabling",
        arrange: async (world) => {
          const target = await createUser("verifier", world.body.id);
          await db.insert(userSessions).values({ userId: target.id, expiresAt: new Date(Date.now() + 3_600_000) });
          return { target };
        },
        allowed: ["admin"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          { via: "action", name: "changeUserRoleAction", run: async ({ target }) => fromAction(await changeUserRoleAction({ userId: target.id, role: "reviewer" })) },
          { via: "action", name: "setUserDisabledAction", run: async ({ target }) => fromAction(await setUserDisabledAction({ userId: target.id, disabled: true })) },
          { via: "action", name: "endUserSessionsAction", run: async ({ target }) => fromAction(await endUserSessionsAction({ userId: target.id })) },
        ],
        operation: async ({ target }, _world, actor) => {
          const changed = await fromOperation(changeUserRole, actor, { userId: target.id, role: "reviewer" as const });
          const disabled = await fromOperation(setUserDisabled, actor, { userId: target.id, disabled: true });
          const ended = await fromOperation(endUserSessions, actor, { userId: target.id });
          return { ok: changed.ok || disabled.ok || ended.ok, detail: `${changed.detail} / ${disabled.detail} / ${ended.detail}`, crashed: false };
        },
        snapshot: async ({ target }) => ({
          user: await db.select({ role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, target.id)),
          sessions: await db.select({ id: userSessions.id, endedAt: userSessions.endedAt }).from(userSessions).where(eq(userSessions.userId, target.id)),
        }),
      }),
    ],
  },
  // ------------------------------------------------------------- the platform's jobs
  {
    permission: "certificate.expire",
    situations: [
      situation({
        name: "a valid certificate whose validity has ended",
        arrange: async (world) => (await issuedCertificate(world)).certificate,
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        // No person has a door to it: only the certificate-expiry job calls it.
        attempts: [],
        operation: (certificate, _world, actor) => fromOperation(expireCertificates, actor, { today: addDays(certificate.expiresOn, 1) }),
        snapshot: (certificate) => certificateState(certificate.id),
      }),
    ],
  },
  {
    permission: "audit.monitorChains",
    situations: [
      situation({
        name: "the platform's daily check of every region's audit chains",
        arrange: async () => ({}),
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        // No person has a door to it: only the audit-chain-verification job calls it.
        attempts: [],
        operation: (_state, _world, actor) => fromOperation(monitorAuditChains, actor, {}),
        snapshot: async () => null,
      }),
    ],
  },
  {
    permission: "reminder.send",
    situations: [
      situation({
        name: "a certificate 90 days before its expiry",
        arrange: async (world) => (await issuedCertificate(world)).certificate,
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        // No person has a door to it: only the reminders job calls it.
        attempts: [],
        operation: (certificate, _world, actor) => fromOperation(sendReminders, actor, { today: addDays(certificate.expiresOn, -90) }),
        snapshot: (certificate) => db.select({ id: notifications.id }).from(notifications).where(eq(notifications.certificateId, certificate.id)),
      }),
    ],
  },
  {
    permission: "job.reportFailure",
    situations: [
      situation({
        name: "a background job that failed its last retry",
        arrange: async () => ({ jobId: crypto.randomUUID() }),
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        // No person has a door to it: only the job system's dead-letter queue calls it.
        attempts: [],
        operation: ({ jobId }, _world, actor) => fromOperation(reportFailedJob, actor, { queue: "pact-event-delivery", jobId, error: "partner unreachable" }),
        snapshot: ({ jobId }) => db.select({ id: notifications.id }).from(notifications).where(sql`${notifications.params}->>'jobId' = ${jobId}`),
      }),
    ],
  },
  // ---------------------------------------------------------- supply chain
  {
    permission: "supplyRequest.send",
    situations: [
      situation({
        name: "a new footprint request to another enterprise of the platform",
        arrange: async () => ({ supplier: await createOrganization("enterprise"), marker: `authz-${unique()}` }),
        allowed: ["enterprise"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          {
            via: "action",
            name: "createSupplyRequestAction",
            run: async ({ supplier, marker }) => fromAction(await createSupplyRequestAction(supplyRequestInput(supplier.id, marker))),
          },
        ],
        operation: ({ supplier, marker }, _world, actor) => fromOperation(createSupplyRequest, actor, createSupplyRequestSchema.parse(supplyRequestInput(supplier.id, marker))),
        snapshot: ({ marker }) => db.select({ id: supplyRequests.id }).from(supplyRequests).where(eq(supplyRequests.productName, marker)),
      }),
      situation({
        name: "the enterprise's pending request, cancelled",
        arrange: async (world) => ({ request: await pendingSupplyRequest(world.enterprise.id, (await createOrganization("enterprise")).id, world.users.enterprise.id) }),
        allowed: ["enterprise"],
        attempts: [
          { via: "action", name: "cancelSupplyRequestAction", run: async ({ request }) => fromAction(await cancelSupplyRequestAction({ requestId: request.id, expectedVersion: 1 })) },
        ],
        operation: ({ request }, _world, actor) => fromOperation(cancelSupplyRequest, actor, { requestId: request.id, expectedVersion: 1 }),
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
      situation({
        name: "the enterprise's pending request to the other enterprise: only the requester cancels it, not the supplier",
        arrange: async (world) => ({ request: await pendingSupplyRequest(world.enterprise.id, otherEnterpriseOf(world), world.users.enterprise.id) }),
        allowed: ["enterprise"],
        refusals: WRONG_SIDE,
        attempts: [
          { via: "action", name: "cancelSupplyRequestAction", run: async ({ request }) => fromAction(await cancelSupplyRequestAction({ requestId: request.id, expectedVersion: 1 })) },
        ],
        operation: ({ request }, _world, actor) => fromOperation(cancelSupplyRequest, actor, { requestId: request.id, expectedVersion: 1 }),
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
      situation({
        name: "the enterprise's request the supplier accepted, cancelled",
        arrange: async (world) => ({ request: await acceptedSupplyRequest(world.enterprise.id, (await createOrganization("enterprise")).id, world.users.enterprise.id) }),
        allowed: ["enterprise"],
        attempts: [
          { via: "action", name: "cancelSupplyRequestAction", run: async ({ request }) => fromAction(await cancelSupplyRequestAction({ requestId: request.id, expectedVersion: 2 })) },
        ],
        operation: ({ request }, _world, actor) => fromOperation(cancelSupplyRequest, actor, { requestId: request.id, expectedVersion: 2 }),
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
    ],
  },
  {
    permission: "supplyRequest.answer",
    situations: [
      situation({
        name: "a pending request a customer sent the world's enterprise",
        arrange: async (world) => {
          const customer = await createOrganization("enterprise");
          const buyer = await createUser("enterprise", customer.id);
          return { request: await pendingSupplyRequest(customer.id, world.enterprise.id, buyer.id) };
        },
        allowed: ["enterprise"],
        attempts: [
          { via: "action", name: "acceptSupplyRequestAction", run: async ({ request }) => fromAction(await acceptSupplyRequestAction({ requestId: request.id, expectedVersion: 1 })) },
          {
            via: "action",
            name: "declineSupplyRequestAction",
            run: async ({ request }) => fromAction(await declineSupplyRequestAction({ requestId: request.id, expectedVersion: 1, reason: "Not our product" })),
          },
        ],
        operation: ({ request }, _world, actor) => fromOperation(acceptSupplyRequest, actor, { requestId: request.id, expectedVersion: 1 }),
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
      situation({
        name: "a pending request the other enterprise sent the world's enterprise: only the supplier answers it, not the customer who asked",
        arrange: async (world) => {
          const { footprintId } = await publishedFootprint(world);
          const request = await pendingSupplyRequest(otherEnterpriseOf(world), world.enterprise.id, world.users.otherEnterprise.id, addDays(todayInShanghai(), 30), "piece");
          return { request, footprintId };
        },
        allowed: ["enterprise"],
        refusals: WRONG_SIDE,
        attempts: [
          { via: "action", name: "acceptSupplyRequestAction", run: async ({ request }) => fromAction(await acceptSupplyRequestAction({ requestId: request.id, expectedVersion: 1 })) },
          {
            via: "action",
            name: "declineSupplyRequestAction",
            run: async ({ request }) => fromAction(await declineSupplyRequestAction({ requestId: request.id, expectedVersion: 1, reason: "Not our product" })),
          },
          {
            via: "action",
            name: "fulfilSupplyRequestAction",
            run: async ({ request, footprintId }) =>
              fromAction(await fulfilSupplyRequestAction({ requestId: request.id, expectedVersion: 1, footprintId, fields: [...SHARED_FOOTPRINT_FIELDS] })),
          },
        ],
        operation: ({ request }, _world, actor) => fromOperation(declineSupplyRequest, actor, { requestId: request.id, expectedVersion: 1, reason: "Not our product" }),
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
      situation({
        name: "a request a customer sent the world's enterprise, fulfilled with its own certified footprint",
        arrange: async (world) => {
          const { footprintId } = await publishedFootprint(world);
          const customer = await createOrganization("enterprise");
          const buyer = await createUser("enterprise", customer.id);
          // Per piece, the unit of the world's product: a footprint answers only a request of its dimension.
          return { request: await pendingSupplyRequest(customer.id, world.enterprise.id, buyer.id, addDays(todayInShanghai(), 30), "piece"), footprintId };
        },
        allowed: ["enterprise"],
        attempts: [
          {
            via: "action",
            name: "fulfilSupplyRequestAction",
            run: async ({ request, footprintId }) =>
              fromAction(await fulfilSupplyRequestAction({ requestId: request.id, expectedVersion: 1, footprintId, fields: [...SHARED_FOOTPRINT_FIELDS] })),
          },
        ],
        operation: ({ request, footprintId }, _world, actor) =>
          fromOperation(fulfilSupplyRequest, actor, { requestId: request.id, expectedVersion: 1, footprintId, fields: [...SHARED_FOOTPRINT_FIELDS] }),
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
    ],
  },
  {
    permission: "supplyRequest.read",
    situations: [
      situation({
        name: "the enterprise's requests page",
        arrange: async (world) => ({ request: await pendingSupplyRequest(world.enterprise.id, (await createOrganization("enterprise")).id, world.users.enterprise.id) }),
        allowed: ["enterprise"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [{ via: "read", name: "getSupplyRequestsPage", run: () => fromRead((user) => getSupplyRequestsPage(user, supplyFiltersSchema.parse({}))) }],
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
      situation({
        name: "a request between the world's enterprise and the other enterprise: listed on both sides",
        arrange: async (world) => ({ request: await pendingSupplyRequest(world.enterprise.id, otherEnterpriseOf(world), world.users.enterprise.id) }),
        allowed: ["enterprise", "otherEnterprise"],
        callers: PEOPLE,
        attempts: [{ via: "read", name: "getSupplyRequestsPage: the request is listed", run: ({ request }) => listedRequest(request.id) }],
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
      situation({
        name: "a request between the world's enterprise and a third company: not in the other enterprise's list",
        arrange: async (world) => ({ request: await pendingSupplyRequest(world.enterprise.id, (await createOrganization("enterprise")).id, world.users.enterprise.id) }),
        allowed: ["enterprise"],
        callers: PEOPLE,
        attempts: [{ via: "read", name: "getSupplyRequestsPage: the request is listed", run: ({ request }) => listedRequest(request.id) }],
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
    ],
  },
  {
    permission: "supplyRequest.expire",
    situations: [
      situation({
        name: "a pending request past its due date",
        arrange: async (world) => ({
          request: await pendingSupplyRequest(world.enterprise.id, (await createOrganization("enterprise")).id, world.users.enterprise.id, addDays(todayInShanghai(), -1)),
        }),
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [],
        operation: (_state, _world, actor) => fromOperation(expireSupplyRequests, actor, {}),
        snapshot: ({ request }) => supplyRequestRow(request.id),
      }),
    ],
  },
  {
    permission: "supplierFootprint.flagDependents",
    situations: [
      situation({
        name: "a supplier certificate that was suspended",
        arrange: async (world) => ({ certificate: (await issuedCertificate(world, "suspended")).certificate }),
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [],
        operation: ({ certificate }, _world, actor) => fromOperation(flagApplicationsDependingOn, actor, { certificateId: certificate.id, change: "suspended" }),
        snapshot: ({ certificate }) => db.select().from(supplierFootprintFlags).where(eq(supplierFootprintFlags.certificateId, certificate.id)),
      }),
    ],
  },
  {
    permission: "factorImpact.run",
    situations: [
      situation({
        name: "a new factor version waiting for its impact run",
        arrange: async (world) => {
          const factor = await createFactor("0.5", "kWh", world.region);
          const [next] = await db
            .insert(emissionFactors)
            .values({ factorKey: factor.factorKey, nameZh: factor.nameZh, nameEn: factor.nameEn, category: factor.category, value: "0.6", unit: factor.unit, region: factor.region, year: factor.year, source: factor.source, version: 2 })
            .returning();
          const [run] = await db.insert(factorImpactRuns).values({ factorId: next.id, region: world.region }).returning({ id: factorImpactRuns.id });
          return { runId: run.id };
        },
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        // No person has a door to it: only the factor-impact job claims and computes runs.
        attempts: [],
        operation: (_state, _world, actor) => fromOperation(claimFactorImpactRun, actor, { leaseSeconds: 300 }),
        snapshot: ({ runId }) => db.select({ status: factorImpactRuns.status, attempts: factorImpactRuns.attempts }).from(factorImpactRuns).where(eq(factorImpactRuns.id, runId)),
      }),
    ],
  },
  {
    permission: "outbox.read",
    situations: [
      situation({
        name: "a queued email",
        arrange: async (world) => {
          const [mail] = await db
            .insert(mailOutbox)
            .values({ userId: world.users.enterprise.id, organizationId: world.users.enterprise.organizationId, recipient: world.users.enterprise.email, locale: "en", kind: "notification", subject: "S", textBody: "T", htmlBody: "<p>T</p>" })
            .returning({ id: mailOutbox.id });
          return { mailId: mail.id };
        },
        allowed: ["admin"],
        callers: PEOPLE_WITHOUT_OUTSIDERS,
        attempts: [
          { via: "read", name: "listOutbox", run: () => fromRead((user) => listOutbox(user, {})) },
          { via: "read", name: "getOutboxMessage", run: ({ mailId }) => fromRead((user) => getOutboxMessage(user, mailId)) },
        ],
        snapshot: ({ mailId }) => db.select({ status: mailOutbox.status, attempts: mailOutbox.attempts }).from(mailOutbox).where(eq(mailOutbox.id, mailId)),
      }),
    ],
  },
  {
    permission: "mail.deliver",
    situations: [
      situation({
        name: "an email due for sending, and a day's digests",
        arrange: async (world) => {
          const [mail] = await db
            .insert(mailOutbox)
            .values({ userId: world.users.enterprise.id, organizationId: world.users.enterprise.organizationId, recipient: world.users.enterprise.email, locale: "en", kind: "notification", subject: "S", textBody: "T", htmlBody: "<p>T</p>" })
            .returning({ id: mailOutbox.id });
          return { mailId: mail.id };
        },
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        // Only the platform's sender does this: no person has a door to it.
        attempts: [],
        operation: async (_state, _world, actor) => {
          const claimed = await fromOperation(claimPendingMail, actor, { limit: 1000, leaseSeconds: 60 });
          const digests = await fromOperation(queueDailyDigests, actor, { day: "2025-01-01" });
          return { ok: claimed.ok && digests.ok, detail: `${claimed.detail} / ${digests.detail}`, crashed: false };
        },
        snapshot: ({ mailId }) =>
          db.select({ status: mailOutbox.status, attempts: mailOutbox.attempts, nextAttemptAt: mailOutbox.nextAttemptAt }).from(mailOutbox).where(eq(mailOutbox.id, mailId)),
      }),
    ],
  },
  {
    permission: "evidence.scan",
    situations: [
      situation({
        name: "an owner's file waiting for the malware scan",
        arrange: async (world) => {
          const file = await ownerEvidence(world, await draftApplication(world));
          // Bytes of its own: the verdict is recorded on every row of the same stored object.
          const storageKey = `evidence/${crypto.randomBytes(32).toString("hex")}`;
          await db.update(evidenceFiles).set({ scanStatus: "pending", storageKey }).where(eq(evidenceFiles.id, file.id));
          return { fileId: file.id, storageKey };
        },
        allowed: ["system"],
        callers: WITHOUT_OUTSIDERS,
        // Only the platform's scan job does this: no person has a door to it.
        attempts: [],
        operation: async ({ storageKey }, _world, actor) => {
          const listed = await fromOperation(listEvidenceToScan, actor, { limit: 1000 });
          const recorded = await fromOperation(recordEvidenceScan, actor, { storageKey, verdict: { outcome: "clean" } });
          return { ok: listed.ok && recorded.ok, detail: `${listed.detail} / ${recorded.detail}`, crashed: listed.crashed || recorded.crashed };
        },
        snapshot: ({ fileId }) =>
          db.select({ scanStatus: evidenceFiles.scanStatus, scannedAt: evidenceFiles.scannedAt, scanDetail: evidenceFiles.scanDetail }).from(evidenceFiles).where(eq(evidenceFiles.id, fileId)),
      }),
    ],
  },
  {
    permission: "job.manage",
    situations: [
      situation({
        name: "a background job waiting to run",
        arrange: async () => {
          // Started without handlers: the job waits, nobody works it.
          await startJobs({});
          const runner = (await startedJobRunner())!;
          const jobId = (await runner.send("reminders", {}, { singletonKey: `authz-${unique()}` }))!;
          return { jobId };
        },
        allowed: ["admin"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          { via: "action", name: "cancelJobAction", run: async ({ jobId }) => fromAction(await cancelJobAction({ queue: "reminders", jobId })) },
          { via: "read", name: "getJobsPage", run: () => fromRead((user) => getJobsPage(user)) },
        ],
        operation: ({ jobId }, _world, actor) => fromOperation(cancelJob, actor, { queue: "reminders", jobId }),
        snapshot: async ({ jobId }) => (await (await startedJobRunner())!.findJob("reminders", jobId))?.state,
      }),
      situation({
        name: "a background job that failed its last retry, run once more",
        arrange: failedJob,
        allowed: ["admin"],
        callers: WITHOUT_OUTSIDERS,
        attempts: [{ via: "action", name: "retryJobAction", run: async ({ jobId }) => fromAction(await retryJobAction({ queue: "reminders", jobId })) }],
        operation: ({ jobId }, _world, actor) => fromOperation(retryJob, actor, { queue: "reminders", jobId }),
        snapshot: async ({ jobId }) => (await (await startedJobRunner())!.findJob("reminders", jobId))?.state,
      }),
    ],
  },
  // ------------------------------------------------------------- everyone
  {
    permission: "notification.read",
    situations: [
      situation({
        name: "an unread notification for each of the world's organizations",
        arrange: async (world) => {
          const organizationIds = [...new Set(ROLE_CALLERS.map((caller) => world.users[caller].organizationId))];
          await db.insert(notifications).values(organizationIds.map((organizationId) => ({ organizationId, kind: "applicationAccepted", params: { product: "P", productEn: "P" } })));
          return { organizationIds };
        },
        allowed: ROLE_CALLERS,
        callers: WITHOUT_OUTSIDERS,
        attempts: [
          { via: "action", name: "markNotificationsReadAction", run: async () => fromAction(await markNotificationsReadAction({})) },
          { via: "read", name: "listNotifications", run: () => fromRead((user) => listNotifications(user)) },
        ],
        operation: (_state, _world, actor) => fromOperation(markNotificationsRead, actor, {}),
        snapshot: ({ organizationIds }) =>
          db
            .select({ id: notifications.id, readAt: notifications.readAt })
            .from(notifications)
            .where(inArray(notifications.organizationId, organizationIds))
            .orderBy(notifications.id),
      }),
    ],
  },
];
