import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { conflictsOfInterest, evidenceFiles, organizations, products, submissions, type Application } from "@/db/schema";
import { OperationError, ConflictError } from "@/lib/errors";
import { canonicalDigest } from "@/lib/calc/digest";
import { messageKey } from "@/lib/i18n/translate";
import { notify } from "@/lib/notifications/notify";
import { buildInventorySnapshot } from "@/lib/rules/inventory-snapshot";
import { lockOwnApplication } from "./own-application";
import { missingItems } from "@/lib/rules/application";
import { assertUserCan, INVENTORY_EDITABLE_STATUSES, type Actor } from "@/lib/policy";
import { runCalculation } from "./run-calculation";
import { unresolvedFlagsOf } from "@/lib/domain/supply-requests/flag-applications-depending-on";
import { transitionApplication } from "./transition";

type SubmitRequest = { applicationId: string; verificationBodyId: string };

/** A verification body the enterprise may choose: one that has not declared a conflict of interest with it. */
async function assertChoosableBody(tx: Tx, enterpriseId: string, bodyId: string) {
  const [body] = await tx
    .select({ id: organizations.id, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, bodyId));
  const [conflict] = await tx
    .select({ reason: conflictsOfInterest.reason })
    .from(conflictsOfInterest)
    .where(and(eq(conflictsOfInterest.verificationBodyId, bodyId), eq(conflictsOfInterest.enterpriseId, enterpriseId)));
  if (body?.kind !== "verification_body" || conflict) {
    throw new OperationError("errors.validation", { verificationBodyId: ["applications.validation.bodyNotAvailable"] });
  }
}

/**
 * The body is handed evidence it can open: none of the enterprise's files may still be held by
 * the malware scan (the body could not download it) or have been found infected (its bytes are
 * gone; the enterprise deletes the entry and uploads a clean copy).
 */
async function assertEvidenceCleared(tx: Tx, application: Application) {
  const held = await tx
    .selectDistinct({ scanStatus: evidenceFiles.scanStatus })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.applicationId, application.id),
        eq(evidenceFiles.uploadedByOrganizationId, application.organizationId),
        inArray(evidenceFiles.scanStatus, ["pending", "scan_failed", "infected"]),
      ),
    );
  if (held.some((file) => file.scanStatus === "infected")) throw new ConflictError("evidence.scan.submitInfected");
  if (held.length > 0) throw new ConflictError("evidence.scan.submitPending");
}

/**
 * 认证委托: recalculates the inventory, refuses while anything is missing,
 * freezes the inventory as a digested snapshot for the chosen body and moves
 * the application to `submitted` — all in the caller's one transaction, with
 * the application row locked so two submissions cannot both pass (the second
 * finds it submitted: "applications.errors.notSubmittable"). Evidence still held by the malware
 * scan, or found infected, refuses it (assertEvidenceCleared).
 */
export async function submitApplication(
  tx: Tx,
  actor: Actor | null,
  request: SubmitRequest,
): Promise<{ submissionId: string; application: Application }> {
  assertUserCan(actor, "application.submit");
  const application = await lockOwnApplication(tx, actor, request.applicationId, "application.submit");
  await assertChoosableBody(tx, application.organizationId, request.verificationBodyId);
  // A line resting on a supplier certificate that changed must be updated or confirmed first.
  if ((await unresolvedFlagsOf(tx, application.id)).length > 0) throw new ConflictError("supply.errors.flaggedLines");
  await assertEvidenceCleared(tx, application);

  const outcome = await runCalculation(tx, actor, application.id);
  const { inventory } = outcome;
  const missing = missingItems(outcome.ok ? outcome.result : outcome.failure, inventory.lines, inventory.product.systemBoundary);
  const [firstStage, ...otherStages] = missing.flatMap((item) => (item.kind === "stage" ? [item.stage] : []));
  if (outcome.ok && firstStage) {
    throw new OperationError(messageKey("applications.errors.stageEmpty", { stage: firstStage, more: otherStages.length }));
  }
  if (!outcome.ok) throw new OperationError(messageKey("applications.errors.incomplete", { count: missing.length }));
  if (outcome.calculation.inventoryRevision !== application.inventoryRevision) throw new ConflictError();

  const snapshot = buildInventorySnapshot(outcome.inventory, outcome.result);
  const round = application.round + 1;
  const [submission] = await tx
    .insert(submissions)
    .values({
      applicationId: application.id,
      round,
      verificationBodyId: request.verificationBodyId,
      calculationId: outcome.calculation.id,
      snapshot,
      snapshotSha256: canonicalDigest(snapshot),
      submittedBy: actor.id,
    })
    .returning({ id: submissions.id, snapshotSha256: submissions.snapshotSha256 });

  const resubmission = application.round > 0;
  const updated = await transitionApplication(tx, {
    applicationId: application.id,
    expectedVersion: application.version,
    from: INVENTORY_EDITABLE_STATUSES,
    to: "submitted",
    actor,
    action: resubmission ? "application.resubmit" : "application.submit",
    set: { verificationBodyId: request.verificationBodyId, submittedAt: new Date(), round, declineReason: null },
    data: {
      round,
      submissionId: submission.id,
      calculationId: outcome.calculation.id,
      result: outcome.result.result,
      snapshotSha256: submission.snapshotSha256,
      verificationBodyId: request.verificationBodyId,
    },
  });

  const [product] = await tx
    .select({ nameZh: products.nameZh, nameEn: products.nameEn })
    .from(products)
    .where(eq(products.id, application.productId));
  await notify(tx, {
    organizationId: request.verificationBodyId,
    kind: resubmission ? "application.resubmitted" : "application.submitted",
    applicationId: application.id,
    params: { enterprise: actor.organizationName, product: product.nameZh, productEn: product.nameEn, round: String(round) },
  });
  return { submissionId: submission.id, application: updated };
}
