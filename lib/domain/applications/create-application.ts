import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, organizations, products } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, CLOSED_STATUSES, type Actor } from "@/lib/policy";

type CreateApplicationInput = { productId: string };

/**
 * Opens a certification application for one of the enterprise's products;
 * one open application per product at a time (the product row is locked so
 * two clicks cannot open two).
 */
export async function createApplication(tx: Tx, actor: Actor | null, { productId }: CreateApplicationInput) {
  assertUserCan(actor, "application.create");
  const [product] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
  if (!product || product.organizationId !== actor.organizationId) throw new NotFoundError();
  const [open] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.productId, product.id), notInArray(applications.status, [...CLOSED_STATUSES])));
  if (open) throw new ConflictError("applications.errors.alreadyOpen");
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, product.organizationId));
  const [application] = await tx
    .insert(applications)
    .values({
      productId: product.id,
      organizationId: product.organizationId,
      categoryId: product.categoryId,
      region: organization.region,
      district: organization.district,
    })
    .returning({ id: applications.id });
  await recordAuditEvent(tx, actor, {
    action: "application.create",
    entityType: "application",
    entityId: application.id,
    subjectOrganizationId: product.organizationId,
    region: organization.region,
    productId: product.id,
    applicationId: application.id,
    toStatus: "draft",
  });
  return { applicationId: application.id };
}
