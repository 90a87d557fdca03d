import "server-only";
import type { Tx } from "@/db";
import { ConflictError, OperationError } from "@/lib/errors";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockBodyApplication, productParams } from "./body-application";

type DecideInput = {
  applicationId: string;
  expectedVersion: number;
  decision: "approve" | "reject";
  reason: string;
  /**
   * The grade and benchmark the reviewer confirmed approving with (the form requires it). Given,
   * the approval is refused — nothing issued — when the certificate would carry another (a
   * benchmark version came into force since the page loaded).
   */
  confirmedOutcome?: { grade: number | null; benchmarkId: string | null } | null;
};

/**
 * 认证结果评价与批准: a reviewer of the body who is not the lead verifier
 * approves (the certificate is issued in the same transaction) or rejects.
 * The guarded transition lets exactly one of concurrent decisions through.
 */
export async function decideApplication(tx: Tx, actor: Actor | null, { applicationId, expectedVersion, decision, reason, confirmedOutcome }: DecideInput) {
  assertUserCan(actor, "application.decide");
  const application = await lockBodyApplication(tx, applicationId, actor, "application.decide");
  if (decision === "reject" && !reason.trim()) {
    throw new OperationError("errors.validation", { reason: ["verifier.errors.rejectionNeedsReason"] });
  }
  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion,
    from: ["awaiting_decision"],
    to: decision === "approve" ? "certified" : "rejected",
    actor,
    action: decision === "approve" ? "application.approve" : "application.reject",
    reason: reason || null,
    set: { reviewerId: actor.id, decisionReason: reason || null, decidedAt: new Date() },
  });
  if (decision === "approve") {
    const certificate = await issueCertificate(tx, actor, { applicationId });
    if (confirmedOutcome && (certificate.grade !== confirmedOutcome.grade || certificate.benchmarkId !== confirmedOutcome.benchmarkId)) {
      // Thrown inside the transaction: the transition and the certificate roll back with it.
      throw new ConflictError("verifier.errors.outcomeChanged");
    }
    return { application: updated, certificateId: certificate.id };
  }
  await notify(tx, {
    organizationId: application.organizationId,
    kind: "applicationRejected",
    applicationId,
    params: { ...productParams(application), reason },
  });
  return { application: updated, certificateId: null };
}
