import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, certificates, products } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertUserCan, INVENTORY_EDITABLE_STATUSES, type Actor } from "@/lib/policy";
import { todayInShanghai } from "@/lib/certificates/validity";
import { PRODUCT_LOCK_MESSAGES, productLock } from "@/lib/rules/application";
import type { ProductValues } from "@/lib/validation/schemas/products";

type UpdateProductInput = ProductValues & { productId: string };

/** Edits a product while none of its applications is with a verification body and no certificate of it is in force (`productLock`). */
export async function updateProduct(tx: Tx, actor: Actor | null, { productId, ...fields }: UpdateProductInput) {
  assertUserCan(actor, "product.update");
  const [product] = await tx.select().from(products).where(eq(products.id, productId)).for("update");
  // Another enterprise's product is "not found", the same answer as a missing one.
  if (!product || product.organizationId !== actor.organizationId) throw new NotFoundError();
  const productApplications = await tx
    .select({ id: applications.id, status: applications.status, previousCertificateId: applications.previousCertificateId })
    .from(applications)
    .where(eq(applications.productId, productId))
    .for("update");
  // Read after the applications' locks: a decision issuing a certificate has committed by now.
  const productCertificates = await tx
    .select({ id: certificates.id, status: certificates.status, expiresOn: certificates.expiresOn })
    .from(certificates)
    .where(eq(certificates.productId, productId));
  const lock = productLock({ applications: productApplications, certificates: productCertificates, today: todayInShanghai() });
  if (lock) throw new ConflictError(PRODUCT_LOCK_MESSAGES[lock].error);
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
