import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { applications, certificates, products } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listProductCategories } from "@/lib/dal/product-categories";
import { todayInShanghai } from "@/lib/certificates/validity";
import { productLock } from "@/lib/rules/application";
import { z } from "@/lib/validation/zod";
import { assertCan } from "@/lib/policy";

const uuid = z.uuid();

/**
 * One of the enterprise's own products with its applications (newest first), its category and
 * the categories the edit form offers; null when not theirs.
 */
export async function getOwnProduct(user: CurrentUser, productId: string) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "enterprise" || !uuid.safeParse(productId).success) return null;
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.organizationId, user.organizationId)));
  if (!product) return null;
  const [productApplications, productCertificates, categories] = await Promise.all([
    db
      .select({
        id: applications.id,
        status: applications.status,
        round: applications.round,
        updatedAt: applications.updatedAt,
        previousCertificateId: applications.previousCertificateId,
      })
      .from(applications)
      .where(eq(applications.productId, product.id))
      .orderBy(desc(applications.createdAt)),
    db
      .select({ id: certificates.id, status: certificates.status, expiresOn: certificates.expiresOn })
      .from(certificates)
      .where(eq(certificates.productId, product.id)),
    listProductCategories(),
  ]);
  const lock = productLock({ applications: productApplications, certificates: productCertificates, today: todayInShanghai() });
  return {
    product,
    category: categories.find((category) => category.id === product.categoryId) ?? null,
    categories,
    applications: productApplications.map(({ id, status, round, updatedAt }) => ({ id, status, round, updatedAt })),
    /** Why the registration fields are read-only (the page says so), or null while the owner may edit them. */
    lock,
  };
}
