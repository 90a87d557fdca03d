import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { products } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, WITHDRAWABLE_STATUSES, type Actor } from "@/lib/policy";
import { lockOwnApplication } from "./own-application";
import { transitionApplication } from "./transition";

type WithdrawInput = { applicationId: string };

/**
 * Takes a submission back while the body has not accepted it: the application
 * is a draft again (editable), the submission record stays in the history.
 */
export async function withdrawSubmission(tx: Tx, actor: Actor | null, { applicationId }: WithdrawInput) {
  assertUserCan(actor, "application.withdrawSubmission");
  const application = await lockOwnApplication(tx, actor, applicationId, "application.withdrawSubmission");
  if (!application.verificationBodyId) throw new ConflictError("applications.errors.notWithdrawable");
  const bodyId = application.verificationBodyId;
  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion: application.version,
    from: WITHDRAWABLE_STATUSES,
    to: "draft",
    actor,
    action: "application.withdraw",
    set: { verificationBodyId: null, submittedAt: null },
    data: { round: application.round, verificationBodyId: bodyId },
  });
  const [product] = await tx
    .select({ nameZh: products.nameZh, nameEn: products.nameEn })
    .from(products)
    .where(eq(products.id, application.productId));
  await notify(tx, {
    organizationId: bodyId,
    kind: "application.withdrawn",
    applicationId,
    params: { enterprise: actor.organizationName, product: product.nameZh, productEn: product.nameEn },
  });
  return updated;
}
