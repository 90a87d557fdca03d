/**
 * Regulator dashboard benchmark on the scale data set (`npm run db:seed:scale`):
 * p50/p95 of the data function the page calls, for each filter, next to the
 * database's own execution time of the SQL behind it (EXPLAIN ANALYZE).
 */
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { organizations, users } from "@/db/schema";
import { findUserAsActor } from "@/lib/auth/actor";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import { dashboardQueries, pilotDashboard } from "@/lib/dal/regulator-overview";
import type { DashboardFilters } from "@/lib/validation/schemas/regulator";

const RUNS = Number(process.env.BENCH_RUNS || 40);
const WARMUP = 3;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

async function regulatorOfLargestRegion(): Promise<CurrentUser> {
  const row = await findUserAsActor(
    sql`${users.role} = 'regulator' and ${organizations.region} = (select region from applications group by region order by count(*) desc limit 1)`,
  );
  if (!row) throw new Error("No regulator user in the region with the most applications: run npm run db:seed:scale first.");
  return row;
}

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Sum and maximum of the database execution time of every dashboard query (they run in parallel in the app). */
async function rawSqlMs(region: string, filters: DashboardFilters) {
  const times: number[] = [];
  for (const query of Object.values(dashboardQueries(region, filters, todayInShanghai()))) {
    const result = await db.execute(sql`explain (analyze, format json) ${query}`);
    const plan = (result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as Array<{ "Execution Time": number }>;
    times.push(plan[0]["Execution Time"]);
  }
  return { sum: times.reduce((a, b) => a + b, 0), max: Math.max(...times) };
}

type DashboardBenchRow = { filter: string; p50: number; p95: number; rawSqlSum: number; rawSqlMax: number };

export async function runDashboardBench(): Promise<DashboardBenchRow[]> {
  const user = await regulatorOfLargestRegion();
  const [{ category, district }] = (
    await db.execute(sql`select category_id as category, district from applications where region = ${user.region}
                         group by 1, 2 order by count(*) desc limit 1`)
  ).rows as Array<{ category: string; district: string }>;
  const scenarios: Array<[string, DashboardFilters]> = [
    ["no filter", {}],
    [`category=${category}`, { category }],
    [`district=${district}`, { district }],
    ["period=2025", { from: "2025-01-01", to: "2025-12-31" }],
    ["all filters", { category, district, from: "2025-01-01", to: "2025-12-31" }],
  ];
  const results: DashboardBenchRow[] = [];
  for (const [label, filters] of scenarios) {
    for (let i = 0; i < WARMUP; i++) await pilotDashboard(user, filters);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await timeMs(() => pilotDashboard(user, filters)));
    samples.sort((a, b) => a - b);
    const raw = await rawSqlMs(user.region, filters);
    results.push({ filter: label, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), rawSqlSum: raw.sum, rawSqlMax: raw.max });
  }
  console.log(`\nRegulator dashboard (region ${user.region}, ${RUNS} runs per filter, ms)`);
  console.table(
    results.map((row) => ({
      filter: row.filter,
      "p50 ms": row.p50.toFixed(1),
      "p95 ms": row.p95.toFixed(1),
      "raw SQL sum ms": row.rawSqlSum.toFixed(1),
      "raw SQL slowest ms": row.rawSqlMax.toFixed(1),
    })),
  );
  return results;
}
