import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, products, type Application } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/actions/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { allowsOperation, type BodyOperation } from "./stage-rules";

export type BodyActor = NonNullable<AuditActor>;

export type BodyApplication = Application & { productNameZh: string; productNameEn: string };

/**
 * Locks the application for the rest of the transaction and checks that it is
 * entrusted to the actor's body and in a status that allows `operation`.
 * Locking serializes concurrent work on one application.
 */
export async function lockBodyApplication(
  tx: Tx,
  applicationId: string,
  actor: BodyActor,
  operation: BodyOperation,
): Promise<BodyApplication> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, applicationId))
    .for("update");
  if (!row) throw new NotFoundError();
  if (row.verificationBodyId !== actor.organizationId) throw new ForbiddenError();
  if (!allowsOperation(row.status, operation)) throw new ConflictError();
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
