import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { benchmarks, certificates, productCategories } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import { assertCan } from "./guard";

/** Every category with all its benchmark versions, newest first. */
export async function listBenchmarks(user: CurrentUser) {
  assertCan(user, "benchmark.manage");
  const [categories, versions] = await Promise.all([
    db.select().from(productCategories).orderBy(asc(productCategories.sortOrder)),
    db.select().from(benchmarks).orderBy(asc(benchmarks.categoryId), desc(benchmarks.version)),
  ]);
  return categories.map((category) => ({
    category,
    versions: versions.filter((version) => version.categoryId === category.id),
  }));
}

export async function currentBenchmark(executor: DbOrTx, categoryId: string) {
  const [row] = await executor
    .select()
    .from(benchmarks)
    .where(eq(benchmarks.categoryId, categoryId))
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
