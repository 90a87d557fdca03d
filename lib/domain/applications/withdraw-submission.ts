import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { products } from "@/db/schema";
import { ConflictError } from "@/lib/actions/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { notify } from "@/lib/notifications/notify";
import { lockOwnApplication } from "./own-application";
import { WITHDRAWABLE_STATUSES } from "./rules";
import { transitionApplication } from "./transition";

/**
 * Takes a submission back while the body has not accepted it: the application
 * is a draft again (editable), the submission record stays in the history.
 */
export async function withdrawSubmission(tx: Tx, user: CurrentUser, applicationId: string) {
  const application = await lockOwnApplication(tx, user, applicationId);
  if (application.status !== "submitted" || !application.verificationBodyId) {
    throw new ConflictError("applications.errors.notWithdrawable");
  }
  const bodyId = application.verificationBodyId;
  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion: application.version,
    from: WITHDRAWABLE_STATUSES,
    to: "draft",
    actor: user,
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
    params: { enterprise: user.organizationName, product: product.nameZh, productEn: product.nameEn },
  });
  return updated;
}
