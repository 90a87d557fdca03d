import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { conflictsOfInterest, organizations, products, submissions, type Application } from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/actions/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canonicalDigest } from "@/lib/calc/digest";
import { messageKey } from "@/lib/i18n/translate";
import { notify } from "@/lib/notifications/notify";
import { buildInventorySnapshot } from "./inventory-snapshot";
import { lockOwnApplication } from "./own-application";
import { INVENTORY_EDITABLE_STATUSES, isInventoryEditable, missingItems } from "./rules";
import { runCalculation } from "./run-calculation";
import { transitionApplication } from "./transition";

export type SubmitRequest = { applicationId: string; verificationBodyId: string };

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
    throw new ActionError("errors.validation", { verificationBodyId: ["applications.validation.bodyNotAvailable"] });
  }
}

/**
 * 认证委托: recalculates the inventory, refuses while anything is missing,
 * freezes the inventory as a digested snapshot for the chosen body and moves
 * the application to `submitted` — all in the caller's one transaction, with
 * the application row locked so two submissions cannot both pass.
 */
export async function submitApplication(tx: Tx, user: CurrentUser, request: SubmitRequest): Promise<{ submissionId: string; application: Application }> {
  const application = await lockOwnApplication(tx, user, request.applicationId);
  if (!isInventoryEditable(application.status)) throw new ConflictError("applications.errors.notSubmittable");
  await assertChoosableBody(tx, application.organizationId, request.verificationBodyId);

  const outcome = await runCalculation(tx, user, application.id);
  if (!outcome.ok) {
    const missing = missingItems(outcome.failure, outcome.inventory.lines);
    throw new ActionError(messageKey("applications.errors.incomplete", { count: missing.length }));
  }
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
      submittedBy: user.id,
    })
    .returning({ id: submissions.id, snapshotSha256: submissions.snapshotSha256 });

  const resubmission = application.round > 0;
  const updated = await transitionApplication(tx, {
    applicationId: application.id,
    expectedVersion: application.version,
    from: INVENTORY_EDITABLE_STATUSES,
    to: "submitted",
    actor: user,
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
    params: { enterprise: user.organizationName, product: product.nameZh, productEn: product.nameEn, round: String(round) },
  });
  return { submissionId: submission.id, application: updated };
}
