import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, products } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertUserCan, INVENTORY_EDITABLE_STATUSES, type Actor } from "@/lib/policy";
import { isProductEditable } from "@/lib/rules/application";
import type { ProductValues } from "@/lib/validation/schemas/products";

export type UpdateProductInput = ProductValues & { productId: string };

/** Edits a product while none of its applications is with a verification body. */
export async function updateProduct(tx: Tx, actor: Actor | null, { productId, ...fields }: UpdateProductInput) {
  assertUserCan(actor, "product.update");
  const [product] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
  // Another enterprise's product is "not found", the same answer as a missing one.
  if (!product || product.organizationId !== actor.organizationId) throw new NotFoundError();
  const productApplications = await tx
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(eq(applications.productId, productId))
    .for("update");
  if (!isProductEditable(productApplications.map((application) => application.status))) {
    throw new ConflictError("enterprise.errors.productFrozen");
  }
  await tx
    .update(products)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(products.id, productId));
  // The footprint depends on the product record (boundary, volume): editable applications must recalculate.
  await tx
    .update(applications)
    .set({ categoryId: fields.categoryId, inventoryRevision: sql`${applications.inventoryRevision} + 1`, updatedAt: new Date() })
    .where(and(eq(applications.productId, productId), inArray(applications.status, [...INVENTORY_EDITABLE_STATUSES])));
  await recordAuditEvent(tx, actor, {
    action: "product.update",
    entityType: "product",
    entityId: productId,
    subjectOrganizationId: product.organizationId,
    region: actor.region,
    productId,
    data: fields,
  });
  return { productId };
}
