import "server-only";
import { and, asc, eq, gt, ilike, isNull, or, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { emissionFactors } from "@/db/schema";
import { assertCan, type UserActor } from "@/lib/policy";
import type { FactorResource } from "@/lib/validation/schemas/api";
import type { FactorSearch } from "@/lib/validation/schemas/inventory";
import { z } from "@/lib/validation/zod";
import { pageFrom } from "./scope";

/** Current factors are one per key: the key alone orders and positions them. */
export const factorCursor = z.object({ key: z.string().min(1).max(200) });
type FactorCursor = z.output<typeof factorCursor>;

const COLUMNS = {
  id: emissionFactors.id,
  factorKey: emissionFactors.factorKey,
  version: emissionFactors.version,
  nameZh: emissionFactors.nameZh,
  nameEn: emissionFactors.nameEn,
  category: emissionFactors.category,
  value: emissionFactors.value,
  unit: emissionFactors.unit,
  region: emissionFactors.region,
  year: emissionFactors.year,
  source: emissionFactors.source,
  emissionCategory: emissionFactors.emissionCategory,
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/** The factor picker's search (current factors by text, category, region, year), page by page in key order. */
export async function searchApiFactors(actor: UserActor, search: FactorSearch, page: { limit: number; after?: FactorCursor }) {
  assertCan(actor, "inventory.edit");
  const conditions: (SQL | undefined)[] = [isNull(emissionFactors.supersededAt)];
  if (search.q) {
    const pattern = likePattern(search.q);
    conditions.push(or(ilike(emissionFactors.nameZh, pattern), ilike(emissionFactors.nameEn, pattern), ilike(emissionFactors.factorKey, pattern)));
  }
  if (search.category) conditions.push(eq(emissionFactors.category, search.category));
  if (search.region) conditions.push(eq(emissionFactors.region, search.region));
  if (search.year) conditions.push(eq(emissionFactors.year, search.year));
  if (page.after) conditions.push(gt(emissionFactors.factorKey, page.after.key));
  const rows = await db
    .select(COLUMNS)
    .from(emissionFactors)
    .where(and(...conditions))
    .orderBy(asc(emissionFactors.factorKey))
    .limit(page.limit + 1);
  return pageFrom(rows, page.limit, (row): FactorResource => row, (row): FactorCursor => ({ key: row.factorKey }));
}
