import "server-only";
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { emissionFactors } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { FactorSearch } from "@/lib/validation/schemas/regulator";
import { assertCan } from "./guard";

const SEARCH_LIMIT = 100;

/** Current versions matching the search (name in either language or key, category, region, year). */
export async function searchFactors(user: CurrentUser, search: FactorSearch) {
  assertCan(user, "factor.manage");
  const conditions: SQL[] = [isNull(emissionFactors.supersededAt)];
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(emissionFactors.nameZh, pattern), ilike(emissionFactors.nameEn, pattern), ilike(emissionFactors.factorKey, pattern))!,
    );
  }
  if (search.category) conditions.push(eq(emissionFactors.category, search.category));
  if (search.region) conditions.push(eq(emissionFactors.region, search.region));
  if (search.year) conditions.push(eq(emissionFactors.year, search.year));
  const [rows, categories] = await Promise.all([
    db
      .select()
      .from(emissionFactors)
      .where(and(...conditions))
      .orderBy(asc(emissionFactors.category), asc(emissionFactors.factorKey))
      .limit(SEARCH_LIMIT + 1),
    db.selectDistinct({ category: emissionFactors.category }).from(emissionFactors).orderBy(asc(emissionFactors.category)),
  ]);
  return {
    factors: rows.slice(0, SEARCH_LIMIT),
    truncated: rows.length > SEARCH_LIMIT,
    categories: categories.map((row) => row.category),
  };
}

/** Every version of a factor key, newest first, with how many inventory lines use each. */
export async function factorHistory(user: CurrentUser, factorKey: string) {
  assertCan(user, "factor.manage");
  return db
    .select({
      factor: emissionFactors,
      usedBy: sql<number>`(select count(*)::int from inventory_lines l where l.factor_id = ${emissionFactors.id})`,
    })
    .from(emissionFactors)
    .where(eq(emissionFactors.factorKey, factorKey))
    .orderBy(desc(emissionFactors.version));
}
