import "server-only";
import type { Tx } from "@/db";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockBodyApplication, productParams } from "./body-application";

type DeclineInput = { applicationId: string; expectedVersion: number; reason: string };

/** The body declines a submission; the enterprise sees the reason and may entrust another body. */
export async function declineApplication(tx: Tx, actor: Actor | null, { applicationId, expectedVersion, reason }: DeclineInput) {
  assertUserCan(actor, "application.decline");
  const application = await lockBodyApplication(tx, applicationId, actor, "application.decline");
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
