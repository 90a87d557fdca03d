import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db";
import { productCategories } from "@/db/schema";

export type CategoryOption = { id: string; nameZh: string; nameEn: string };

/** The product categories as the table holds them, in their display order (public reference data). */
export async function listProductCategories(): Promise<CategoryOption[]> {
  return db
    .select({ id: productCategories.id, nameZh: productCategories.nameZh, nameEn: productCategories.nameEn })
    .from(productCategories)
    .orderBy(asc(productCategories.sortOrder), asc(productCategories.id));
}
