import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, products } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ForbiddenError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { ProductValues } from "@/lib/validation/schemas/products";

/** An enterprise registers one of its products. */
export async function createProduct(tx: Tx, actor: Actor | null, input: ProductValues) {
  assertUserCan(actor, "product.create");
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId));
  if (organization?.kind !== "enterprise") throw new ForbiddenError();
  const [product] = await tx
    .insert(products)
    .values({ ...input, organizationId: organization.id })
    .returning({ id: products.id });
  await recordAuditEvent(tx, actor, {
    action: "product.create",
    entityType: "product",
    entityId: product.id,
    subjectOrganizationId: organization.id,
    region: organization.region,
    productId: product.id,
    data: { nameZh: input.nameZh, model: input.model, categoryId: input.categoryId },
  });
  return { productId: product.id };
}
