import "server-only";
import type { Tx } from "@/db";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { notify } from "@/lib/notifications/notify";
import { lockBodyApplication, productParams, type BodyActor } from "./body-application";

export type DeclineInput = { applicationId: string; expectedVersion: number; reason: string; actor: BodyActor };

/** The body declines a submission; the enterprise sees the reason and may entrust another body. */
export async function declineApplication(tx: Tx, { applicationId, expectedVersion, reason, actor }: DeclineInput) {
  const application = await lockBodyApplication(tx, applicationId, actor, "decline");
  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion,
    from: ["submitted"],
    to: "declined",
    actor,
    action: "application.decline",
    reason,
    set: { declineReason: reason },
  });
  await notify(tx, {
    organizationId: application.organizationId,
    kind: "applicationDeclined",
    applicationId,
    params: { ...productParams(application), reason },
  });
  return updated;
}
