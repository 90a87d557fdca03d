import "server-only";
import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { emissionFactors, gwpValues } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { GWP_SET } from "@/lib/calc/gwp";
import type { FactorSearch } from "@/lib/validation/schemas/inventory";
import { assertCan } from "@/lib/policy";

const SEARCH_LIMIT = 20;

export type FactorOption = {
  id: string;
  factorKey: string;
  version: number;
  nameZh: string;
  nameEn: string;
  category: string;
  value: string;
  unit: string;
  region: string;
  year: number;
  source: string;
  emissionCategory: "fossil" | "biogenic" | "land_use_change";
};

const FACTOR_OPTION_COLUMNS = {
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

/** Escapes LIKE wildcards so a search for "100%" means the text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/** Current (not superseded) factors matching name or key, category, region and year; newest year first. */
export async function searchEmissionFactors(user: CurrentUser, search: FactorSearch): Promise<FactorOption[]> {
  assertCan(user, "inventory.edit");
  const conditions: SQL[] = [isNull(emissionFactors.supersededAt)];
  if (search.q) {
    const pattern = likePattern(search.q);
    conditions.push(
      or(ilike(emissionFactors.nameZh, pattern), ilike(emissionFactors.nameEn, pattern), ilike(emissionFactors.factorKey, pattern))!,
    );
  }
  if (search.category) conditions.push(eq(emissionFactors.category, search.category));
  if (search.region) conditions.push(eq(emissionFactors.region, search.region));
  if (search.year) conditions.push(eq(emissionFactors.year, search.year));
  return db
    .select(FACTOR_OPTION_COLUMNS)
    .from(emissionFactors)
    .where(and(...conditions))
    .orderBy(desc(emissionFactors.year), asc(emissionFactors.category), asc(emissionFactors.nameEn))
    .limit(SEARCH_LIMIT);
}

/** The filter choices of the factor picker. */
export async function factorFilterOptions(user: CurrentUser) {
  assertCan(user, "inventory.edit");
  const rows = await db
    .selectDistinct({ category: emissionFactors.category, region: emissionFactors.region, year: emissionFactors.year })
    .from(emissionFactors)
    .where(isNull(emissionFactors.supersededAt));
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    categories: sorted(rows.map((row) => row.category)),
    regions: sorted(rows.map((row) => row.region)),
    years: [...new Set(rows.map((row) => row.year))].sort((a, b) => b - a),
  };
}

/** One factor for showing a line's current choice (any version: a line keeps the version it picked). */
export async function getEmissionFactor(user: CurrentUser, factorId: string): Promise<FactorOption | null> {
  assertCan(user, "application.read");
  const [factor] = await db.select(FACTOR_OPTION_COLUMNS).from(emissionFactors).where(eq(emissionFactors.id, factorId));
  return factor ?? null;
}

/** The AR6 GWP100 table for the gas picker. */
export async function listGwpGases(user: CurrentUser) {
  assertCan(user, "application.read");
  return db
    .select({ gas: gwpValues.gas, nameZh: gwpValues.nameZh, nameEn: gwpValues.nameEn, value: gwpValues.value })
    .from(gwpValues)
    .where(eq(gwpValues.gwpSet, GWP_SET))
    .orderBy(sql`${gwpValues.value}::numeric`, asc(gwpValues.gas));
}
