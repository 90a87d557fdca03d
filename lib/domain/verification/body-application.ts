import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, products, type Application } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { loadVerificationParticipants } from "@/lib/dal/application-participants";
import { assertDecision, decideOnApplication, type ApplicationPermission, type UserActor } from "@/lib/policy";

type BodyActor = UserActor;

type BodyApplication = Application & { productNameZh: string; productNameEn: string };

/**
 * Locks the application for the rest of the transaction and asserts the
 * policy for `permission`: the actor's role, the application entrusted to the
 * actor's body (and, for verification work, the actor on its planned team; for
 * the decision, a reviewer who took no part in the verification), a status that
 * allows it. Locking serializes concurrent work on one application. Another
 * body's application is "not found", like an id that does not exist.
 */
export async function lockBodyApplication(
  tx: Tx,
  applicationId: string,
  actor: BodyActor | null,
  permission: ApplicationPermission,
): Promise<BodyApplication> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for("update");
  if (!row) throw new NotFoundError();
  const participants = await loadVerificationParticipants(tx, applicationId);
  assertDecision(decideOnApplication(actor, permission, { ...row, ...participants }));
  const [product] = await tx
    .select({ nameZh: products.nameZh, nameEn: products.nameEn })
    .from(products)
    .where(eq(products.id, row.productId));
  return { ...row, productNameZh: product.nameZh, productNameEn: product.nameEn };
}

/** Notification parameters naming the product in both languages. */
export function productParams(application: BodyApplication): Record<string, string> {
  return { product: application.productNameZh, productEn: application.productNameEn };
}

/** Moves the review sub-stage (not a status change, so no transition row). */
export async function setReviewStage(tx: Tx, applicationId: string, stage: Application["reviewStage"]) {
  await tx
    .update(applications)
    .set({ reviewStage: stage, updatedAt: sql`now()` })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "in_review")));
}

/** Audits a body's record on an application (finding, inspection, line mark) that changes no status. */
export async function auditApplicationRecord(
  tx: Tx,
  actor: AuditActor,
  application: Pick<Application, "id" | "organizationId" | "region" | "productId">,
  event: { action: string; entityType: string; entityId: string; reason?: string | null; data?: unknown },
) {
  await recordAuditEvent(tx, actor, {
    ...event,
    subjectOrganizationId: application.organizationId,
    region: application.region,
    productId: application.productId,
    applicationId: application.id,
  });
}
