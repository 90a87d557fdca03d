/**
 * Applications entrusted to a verification body, in any status of the
 * verification workflow, with real submission snapshots (calculation +
 * submission rows as the enterprise's submit writes them).
 */
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  applications,
  calculations,
  inventoryLines,
  submissions,
  type Application,
  type ApplicationStatus,
} from "@/db/schema";
import { canonicalDigest } from "@/lib/calc/digest";
import { decisionOutcome } from "@/lib/dal/decision-outcome";
import { loadInventorySnapshot } from "@/lib/dal/inventory-snapshot";
import { createApplication, createOrganization, createUser } from "./factories";

/** A body with a verifier and a reviewer, and an enterprise with one user. */
export async function createVerificationParties() {
  const body = await createOrganization("verification_body");
  const verifier = await createUser("verifier", body.id);
  const reviewer = await createUser("reviewer", body.id);
  const enterpriseUser = await createUser("enterprise");
  return { body, verifier, reviewer, enterpriseUser };
}

/** Freezes the current inventory as the next submission round, like the enterprise's submit. */
export async function recordSubmissionRound(applicationId: string, submittedBy: string) {
  const snapshot = await loadInventorySnapshot(db, applicationId);
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const round = application.round + 1;
  const { calculation } = snapshot;
  const [calculationRow] = await db
    .insert(calculations)
    .values({
      applicationId,
      inventoryRevision: application.inventoryRevision,
      result: calculation.result,
      fossil: calculation.byCategory.fossil,
      biogenic: calculation.byCategory.biogenic,
      landUseChange: calculation.byCategory.land_use_change,
      primaryShare: calculation.primaryShare,
      dataQuality: calculation.dataQuality,
      gwpSet: calculation.gwpSet,
      breakdown: calculation,
      createdBy: submittedBy,
    })
    .returning();
  const frozen = { ...snapshot, application: { ...snapshot.application, round } };
  await db.insert(submissions).values({
    applicationId,
    round,
    verificationBodyId: application.verificationBodyId!,
    calculationId: calculationRow.id,
    snapshot: frozen,
    snapshotSha256: canonicalDigest(frozen),
    submittedBy,
  });
  await db
    .update(applications)
    .set({ round, latestCalculationId: calculationRow.id, resultValue: calculation.result, submittedAt: new Date() })
    .where(eq(applications.id, applicationId));
  return { round, result: calculation.result };
}

type Options = {
  status?: ApplicationStatus;
  leadVerifierId?: string | null;
  /** Mark every line verified (ready for a recommendation). */
  linesVerified?: boolean;
};

/**
 * An application of `enterpriseUser`'s organization submitted to `bodyId`, then
 * moved to `status` with what that status implies (plan, statement).
 */
export async function createEntrustedApplication(
  enterpriseUser: { id: string; organizationId: string },
  bodyId: string,
  { status = "submitted", leadVerifierId = null, linesVerified = false }: Options = {},
): Promise<Application> {
  const application = await createApplication(enterpriseUser.organizationId, { status: "draft", verificationBodyId: bodyId });
  await db.insert(inventoryLines).values({
    applicationId: application.id,
    stage: "raw_material",
    position: 1,
    description: "Mainboard (supplier PCF)",
    quantity: "10000",
    unit: "piece",
    source: "supplier_factor",
    supplierFactorValue: "142.5",
    supplierFactorUnit: "piece",
    supplierName: "Test supplier",
    dataType: "primary",
  });
  await recordSubmissionRound(application.id, enterpriseUser.id);
  const planned = !["submitted", "accepted", "declined"].includes(status);
  const recommended = ["awaiting_decision", "certified", "rejected"].includes(status);
  if (linesVerified || recommended) {
    await db
      .update(inventoryLines)
      .set({ verification: "verified", verifiedBy: leadVerifierId })
      .where(eq(inventoryLines.applicationId, application.id));
  }
  const [updated] = await db
    .update(applications)
    .set({
      status,
      leadVerifierId,
      plannedAt: planned ? new Date() : null,
      reviewStage: planned ? "document_review" : null,
      recommendation: recommended ? "approve" : null,
      verificationStatement: recommended ? "The inventory is complete and the footprint is verified." : null,
      stageEnteredAt: sql`now() - interval '3 days'`,
    })
    .where(eq(applications.id, application.id))
    .returning();
  return updated;
}

/**
 * An approval as the decision form sends it: confirming the grade and benchmark the reviewer is
 * shown (the same read as the page), which the form requires before approving.
 */
export async function approvalOf(applicationId: string) {
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  // A door tried with an id that names no application still needs a well-formed confirmation, to reach the refusal.
  const outcome = application ? await decisionOutcome(db, application) : null;
  return {
    decision: "approve" as const,
    reason: "",
    confirmed: true,
    confirmedOutcome: { grade: outcome?.grade ?? null, benchmarkId: outcome?.benchmark?.id ?? null },
  };
}
