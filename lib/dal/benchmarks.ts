import "server-only";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { benchmarks, certificates, productCategories } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import { assertCan } from "@/lib/policy";

/** Every category with all the versions of its benchmark in the regulator's region, newest first. */
export async function listBenchmarks(user: CurrentUser) {
  assertCan(user, "benchmark.manage");
  const [categories, versions] = await Promise.all([
    db.select().from(productCategories).orderBy(asc(productCategories.sortOrder)),
    db.select().from(benchmarks).where(eq(benchmarks.region, user.region)).orderBy(asc(benchmarks.categoryId), desc(benchmarks.version)),
  ]);
  return categories.map((category) => ({
    category,
    versions: versions.filter((version) => version.categoryId === category.id),
  }));
}

/** The latest benchmark version of a category in a region (each region's regulator sets its own). */
export async function currentBenchmark(executor: DbOrTx, region: string, categoryId: string) {
  const [row] = await executor
    .select()
    .from(benchmarks)
    .where(and(eq(benchmarks.region, region), eq(benchmarks.categoryId, categoryId)))
    .orderBy(desc(benchmarks.version))
    .limit(1);
  return row ?? null;
}

/** Footprints of the category's certificates in force in the regulator's region (valid or suspended, not expired). */
export async function currentFootprints(executor: DbOrTx, region: string, categoryId: string): Promise<string[]> {
  const rows = await executor
    .select({ value: certificates.value })
    .from(certificates)
    .where(
      and(
        eq(certificates.region, region),
        eq(certificates.categoryId, categoryId),
        inArray(certificates.status, ["valid", "suspended"]),
        sql`${certificates.expiresOn} >= ${todayInShanghai()}::date`,
      ),
    );
  return rows.map((row) => row.value);
}

/**
 * The benchmark in force for a category in a region on a day: its latest version already
 * effective, the one issuance grades against.
 */
export async function benchmarkInForce(executor: DbOrTx, region: string, categoryId: string, today = todayInShanghai()) {
  const [row] = await executor
    .select()
    .from(benchmarks)
    .where(and(eq(benchmarks.region, region), eq(benchmarks.categoryId, categoryId), lte(benchmarks.effectiveFrom, today)))
    .orderBy(desc(benchmarks.version))
    .limit(1);
  return row ?? null;
}
