import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { applications, productCategories, products } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { listOwnCertificates } from "@/lib/dal/certificates";
import { assertCan } from "@/lib/policy";

/** The enterprise's own products with their latest application, newest first. */
async function listOwnProducts(user: CurrentUser) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "enterprise") return [];
  return db
    .select({
      id: products.id,
      nameZh: products.nameZh,
      nameEn: products.nameEn,
      model: products.model,
      categoryZh: productCategories.nameZh,
      categoryEn: productCategories.nameEn,
      systemBoundary: products.systemBoundary,
      declaredUnitAmount: products.declaredUnitAmount,
      declaredUnit: products.declaredUnit,
      createdAt: products.createdAt,
    })
    .from(products)
    .innerJoin(productCategories, eq(productCategories.id, products.categoryId))
    .where(eq(products.organizationId, user.organizationId))
    .orderBy(desc(products.createdAt));
}

async function listOwnApplications(user: CurrentUser) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "enterprise") return [];
  return db
    .select({
      id: applications.id,
      status: applications.status,
      productId: applications.productId,
      productNameZh: products.nameZh,
      productNameEn: products.nameEn,
      resultValue: applications.resultValue,
      declaredUnitAmount: products.declaredUnitAmount,
      declaredUnit: products.declaredUnit,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .where(eq(applications.organizationId, user.organizationId))
    .orderBy(desc(applications.updatedAt));
}

/** The enterprise's home in one read: its products, its applications and its certificates. */
export async function getEnterpriseHome(user: CurrentUser) {
  const [products, applications, certificates] = await Promise.all([
    listOwnProducts(user),
    listOwnApplications(user),
    listOwnCertificates(user),
  ]);
  return { products, applications, certificates };
}
