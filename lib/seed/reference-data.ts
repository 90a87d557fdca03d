import type { DbOrTx } from "@/db";
import { emissionFactors, gwpValues, productCategories } from "@/db/schema";
import { CATEGORIES } from "@/lib/catalog/categories";
import { FACTORS } from "@/lib/catalog/factors";
import { GWP_AR6, GWP_SET } from "@/lib/calc/gwp";

/** Categories, the factor database and the AR6 GWP table; safe to run again. */
export async function seedReferenceData(db: DbOrTx): Promise<void> {
  await db
    .insert(productCategories)
    .values(CATEGORIES.map((category, index) => ({ ...category, sortOrder: index })))
    .onConflictDoNothing();
  await db
    .insert(gwpValues)
    .values(
      GWP_AR6.map((gas) => ({
        gas: gas.gas,
        gwpSet: GWP_SET,
        nameZh: gas.nameZh,
        nameEn: gas.nameEn,
        value: gas.value,
        emissionCategory: gas.emissionCategory,
        source: gas.source,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(emissionFactors)
    .values(FACTORS.map((factor) => ({ ...factor, version: 1 })))
    .onConflictDoNothing({ target: [emissionFactors.factorKey, emissionFactors.version] });
}
