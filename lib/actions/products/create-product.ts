"use server";

import { organizations, products } from "@/db/schema";
import { eq } from "drizzle-orm";
import { ForbiddenError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { productSchema } from "@/lib/validation/schemas/products";

/** An enterprise registers one of its products. */
export const createProductAction = createAction("product.create", {
  schema: productSchema,
  revalidate: () => ["/enterprise"],
  run: async ({ user, input, tx }) => {
    const [organization] = await tx.select().from(organizations).where(eq(organizations.id, user.organizationId));
    if (organization?.kind !== "enterprise") throw new ForbiddenError();
    const [product] = await tx
      .insert(products)
      .values({ ...input, organizationId: organization.id })
      .returning({ id: products.id });
    await recordAuditEvent(tx, user, {
      action: "product.create",
      entityType: "product",
      entityId: product.id,
      subjectOrganizationId: organization.id,
      region: organization.region,
      productId: product.id,
      data: { nameZh: input.nameZh, model: input.model, categoryId: input.categoryId },
    });
    return { productId: product.id };
  },
});
