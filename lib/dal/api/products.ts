import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { products, type Product } from "@/db/schema";
import { assertCan, type UserActor } from "@/lib/policy";
import type { ProductResource } from "@/lib/validation/schemas/api";
import { z } from "@/lib/validation/zod";
import { beforeCursor, pageFrom, readableProducts, type NewestFirstCursor } from "./scope";

const uuid = z.uuid();

function productResource(product: Product): ProductResource {
  return {
    id: product.id,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    model: product.model,
    categoryId: product.categoryId,
    hsCode: product.hsCode,
    declaredUnitAmount: product.declaredUnitAmount,
    declaredUnit: product.declaredUnit,
    systemBoundary: product.systemBoundary,
    periodStart: product.periodStart,
    periodEnd: product.periodEnd,
    productionVolume: product.productionVolume,
    site: product.site,
    exportMarkets: product.exportMarkets,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

/** Products the actor may see (its own, or those of applications it may read), newest first. */
export async function listApiProducts(actor: UserActor, page: { limit: number; after?: NewestFirstCursor }) {
  assertCan(actor, "application.read");
  const rows = await db
    .select({ product: products, at: sql<string>`${products.createdAt}::text` })
    .from(products)
    .where(and(readableProducts(actor), beforeCursor(products.createdAt, products.id, page.after)))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(page.limit + 1);
  return pageFrom(rows, page.limit, (row) => productResource(row.product), (row) => ({ at: row.at, id: row.product.id }));
}

/** One product, or null when it does not exist or is not the actor's to see. */
export async function getApiProduct(actor: UserActor, productId: string): Promise<ProductResource | null> {
  assertCan(actor, "application.read");
  if (!uuid.safeParse(productId).success) return null;
  const [product] = await db.select().from(products).where(and(eq(products.id, productId), readableProducts(actor)));
  return product ? productResource(product) : null;
}
