import "server-only";
import type { Tx } from "@/db";
import { ActionError, ForbiddenError } from "@/lib/actions/errors";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { notify } from "@/lib/notifications/notify";
import { lockBodyApplication, productParams, type BodyActor } from "./body-application";
import { mayDecide } from "./stage-rules";

export type DecideInput = {
  applicationId: string;
  expectedVersion: number;
  decision: "approve" | "reject";
  reason: string;
  actor: BodyActor;
};

/**
 * 认证结果评价与批准: a reviewer of the body who is not the lead verifier
 * approves (the certificate is issued in the same transaction) or rejects.
 * The guarded transition lets exactly one of concurrent decisions through.
 */
export async function decideApplication(tx: Tx, { applicationId, expectedVersion, decision, reason, actor }: DecideInput) {
  const application = await lockBodyApplication(tx, applicationId, actor, "decide");
  if (!mayDecide(actor.id, application.leadVerifierId)) throw new ForbiddenError("verifier.errors.leadCannotDecide");
  if (decision === "reject" && !reason.trim()) {
    throw new ActionError("errors.validation", { reason: ["verifier.errors.rejectionNeedsReason"] });
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
    const certificate = await issueCertificate(tx, { applicationId, actor });
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
