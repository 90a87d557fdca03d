import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { stageTransitions } from "@/db/schema";

import { ALL_MONTHS } from "@/lib/regulator/stage-buckets";

/**
 * Counts stage_transitions rows into stage_duration_buckets (see db/schema.ts):
 * one count per roll-up (all / category / district / both) × (month of `at` in
 * Asia/Shanghai / all time), days rounded to 0.1 day. The caller appends a condition on
 * `t` and then STAGE_DURATION_BUCKETS_UPSERT (in key order: concurrent transitions
 * lock shared bucket rows in the same order, and a bulk load keeps each roll-up's
 * rows together on disk). The migration 0003_stage_duration_buckets
 * backfills with the same statement.
 */
export const STAGE_DURATION_BUCKETS_INSERT = `
  insert into stage_duration_buckets (region, category_id, district, month, from_status, days_bucket, count)
  select t.region, r.category_id, r.district, m.month, t.from_status, round(t.days_in_from * 10)::int, count(*)::int
  from stage_transitions t
  cross join lateral (values ('', ''), (t.category_id, ''), ('', t.district), (t.category_id, t.district)) r(category_id, district)
  cross join lateral (values (date_trunc('month', t.at at time zone 'Asia/Shanghai')::date), (date '${ALL_MONTHS}')) m(month)
  where r.district is not null and t.from_status is not null and t.days_in_from is not null`;

export const STAGE_DURATION_BUCKETS_UPSERT = `
  group by 1, 2, 3, 4, 5, 6
  order by 1, 2, 3, 4, 5, 6
  on conflict (region, category_id, district, month, from_status, days_bucket)
  do update set count = stage_duration_buckets.count + excluded.count`;

/**
 * Writes a stage transition and counts it in the days-in-stage histogram; pass
 * the workflow's transaction so both land (or fail) together.
 */
export async function recordStageTransition(tx: DbOrTx, transition: typeof stageTransitions.$inferInsert): Promise<void> {
  const [row] = await tx.insert(stageTransitions).values(transition).returning({ id: stageTransitions.id });
  await tx.execute(
    sql`${sql.raw(STAGE_DURATION_BUCKETS_INSERT)} and t.id = ${row.id} ${sql.raw(STAGE_DURATION_BUCKETS_UPSERT)}`,
  );
}
