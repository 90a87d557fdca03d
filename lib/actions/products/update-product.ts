"use server";

import { and, eq, inArray, sql } from "drizzle-orm";
import { applications, products } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { INVENTORY_EDITABLE_STATUSES, isProductEditable } from "@/lib/domain/applications/rules";
import { updateProductSchema } from "@/lib/validation/schemas/products";

/** Edits a product while none of its applications is with a verification body. */
export const updateProductAction = createAction("product.update", {
  schema: updateProductSchema,
  revalidate: (input) => ["/enterprise", `/enterprise/products/${input.productId}`],
  run: async ({ user, input, tx }) => {
    const { productId, ...fields } = input;
    const [product] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
    if (!product || product.organizationId !== user.organizationId) throw new NotFoundError();
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
    await recordAuditEvent(tx, user, {
      action: "product.update",
      entityType: "product",
      entityId: productId,
      subjectOrganizationId: product.organizationId,
      productId,
      data: fields,
    });
    return { productId };
  },
});
