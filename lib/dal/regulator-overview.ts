import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { readReplica } from "@/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import { APPLICATION_STATUSES, LIFE_CYCLE_STAGES, type ApplicationStatus } from "@/lib/enums";
import { ALL_MONTHS } from "@/lib/regulator/stage-buckets";
import { categoryStageMedians } from "@/lib/regulator/stage-medians";
import { TARGET_METRICS, type DashboardFilters } from "@/lib/validation/schemas/regulator";
import { z } from "@/lib/validation/zod";
import { listProductCategories } from "@/lib/dal/product-categories";
import { assertCan } from "@/lib/policy";

/**
 * The rows of a raw query, parsed by the schema of the query's result columns (a mismatch is a loud
 * error, never a cast). Dashboard reads tolerate a moment of replication lag: the read replica when
 * there is one.
 */
async function rows<Schema extends z.ZodType>(query: SQL, row: Schema): Promise<z.infer<Schema>[]> {
  const result = await readReplica((reader) => reader.execute(query));
  return z.array(row).parse(result.rows);
}

const count = z.number().int();
/** numeric and percentile results, returned as text to keep their precision. */
const decimalText = z.string();

/** The result columns of each dashboard query. */
const ROWS = {
  count: z.object({ n: count }),
  /** One pass over the applications: a row per status of the funnel, a row per verification body. */
  applications: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("stage"), key: z.enum(APPLICATION_STATUSES), applications: count }),
    z.object({
      kind: z.literal("body"),
      key: z.string(),
      applications: count,
      certificates: count,
      name: z.string(),
      nameEn: z.string().nullable(),
      rank: count,
    }),
  ]),
  certificates: z.object({ total: count, valid: count, suspended: count, withdrawn: count, expired: count }),
  labelsPerMonth: z.object({ month: z.string(), n: count }),
  stageDurations: z.object({ stage: z.enum(APPLICATION_STATUSES), n: count, median: decimalText, p90: decimalText }),
  grades: z.object({ categoryId: z.string(), grade: z.number().int().nullable(), n: count }),
  footprints: z.object({
    categoryId: z.string(),
    n: count,
    p10: decimalText,
    median: decimalText,
    p90: decimalText,
    atOrBelow: count,
    benchmark: decimalText.nullable(),
  }),
  stageMedians: z.object({
    categoryId: z.string(),
    stage: z.enum(LIFE_CYCLE_STAGES),
    certificates: count,
    lowerMiddle: decimalText,
    upperMiddle: decimalText,
  }),
  supplierData: z.object({ certificates: count, resting: count, meanShare: decimalText }),
  targetProgress: z.object({
    id: z.string(),
    title: z.string(),
    categoryId: z.string().nullable(),
    metric: z.enum(TARGET_METRICS),
    targetCount: count,
    deadline: z.string(),
    achieved: count,
  }),
};

/**
 * WHERE clause shared by every dashboard query: always the bureau's region, plus
 * the optional category, district and period (on `dateColumn`). Every table read
 * here has an index leading with (region, …) so each filter stays an index scan.
 */
/** Midnight in Asia/Shanghai at the start of a calendar day, as a timestamptz. */
const shanghaiDayStart = (day: SQL) => sql`((${day})::timestamp at time zone 'Asia/Shanghai')`;

/** The column a period filter applies to; timestamps are cut at midnight in Asia/Shanghai. */
type PeriodColumn = { name: string; kind: "date" | "timestamptz" } | null;

function scope(alias: string, region: string, filters: DashboardFilters, periodColumn: PeriodColumn): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const parts: SQL[] = [sql`${column("region")} = ${region}`];
  if (filters.category) parts.push(sql`${column("category_id")} = ${filters.category}`);
  if (filters.district) parts.push(sql`${column("district")} = ${filters.district}`);
  if (periodColumn) {
    const dayStart = (day: SQL) => (periodColumn.kind === "date" ? day : shanghaiDayStart(day));
    if (filters.from) parts.push(sql`${column(periodColumn.name)} >= ${dayStart(sql`${filters.from}::date`)}`);
    // `to` is inclusive: everything before the next day.
    if (filters.to) parts.push(sql`${column(periodColumn.name)} < ${dayStart(sql`${filters.to}::date + 1`)}`);
  }
  return sql.join(parts, sql` and `);
}

const STAGE_ORDER: readonly ApplicationStatus[] = [
  "draft",
  "submitted",
  "accepted",
  "in_review",
  "changes_requested",
  "awaiting_decision",
  "certified",
  "declined",
  "rejected",
];

/** First day of the month of an ISO date, `months` later (UTC arithmetic on calendar dates). */
function monthStart(isoDate: string, months: number): string {
  const [year, month] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/** The day after an ISO date. */
function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Median and 90th percentile of the days spent in each stage, read from the
 * stage_duration_buckets histogram (days rounded to 0.1 day) instead of sorting
 * every transition: the percentile is the smallest bucket whose cumulative
 * count reaches p × n, i.e. exactly percentile_disc over the days rounded to
 * 0.1. Without a period the all-time roll-up is read; whole months of a period
 * come from the monthly rows; the transitions of
 * a partial month at either end of the period are bucketed on the fly (an index
 * range on stage_transitions). Period days follow the Asia/Shanghai calendar.
 */
function stageDurationsQuery(region: string, filters: DashboardFilters): SQL {
  const shanghai = (isoDate: string) => shanghaiDayStart(sql`${isoDate}::date`);
  const periodEnd = filters.to ? nextDay(filters.to) : null;
  // Whole months inside the period: [fullFrom, fullTo).
  const fullFrom = filters.from ? monthStart(filters.from, filters.from.endsWith("-01") ? 0 : 1) : null;
  const fullTo = periodEnd ? monthStart(periodEnd, 0) : null;
  const noWholeMonth = fullFrom !== null && fullTo !== null && fullFrom >= fullTo;
  const partialRanges: Array<[string | null, string | null]> = noWholeMonth
    ? [[filters.from ?? null, periodEnd]]
    : [
        ...(filters.from && fullFrom !== filters.from ? [[filters.from, fullFrom] as [string, string]] : []),
        ...(periodEnd && fullTo !== periodEnd ? [[fullTo, periodEnd] as [string | null, string]] : []),
      ];

  const bucketScope = [
    sql`b.region = ${region}`,
    sql`b.category_id = ${filters.category ?? ""}`,
    sql`b.district = ${filters.district ?? ""}`,
    ...(noWholeMonth ? [sql`false`] : []),
    ...(fullFrom || fullTo ? [sql`b.month > ${ALL_MONTHS}::date`] : [sql`b.month = ${ALL_MONTHS}::date`]),
    ...(fullFrom ? [sql`b.month >= ${fullFrom}::date`] : []),
    ...(fullTo ? [sql`b.month < ${fullTo}::date`] : []),
  ];
  const partialMonths = partialRanges.map(([start, end]) => {
    const parts = [
      sql`t.region = ${region}`,
      sql`t.from_status is not null and t.days_in_from is not null`,
      ...(filters.category ? [sql`t.category_id = ${filters.category}`] : []),
      ...(filters.district ? [sql`t.district = ${filters.district}`] : []),
      ...(start ? [sql`t.at >= ${shanghai(start)}`] : []),
      ...(end ? [sql`t.at < ${shanghai(end)}`] : []),
    ];
    return sql`union all
      select t.from_status, round(t.days_in_from * 10)::int, 1 from stage_transitions t where ${sql.join(parts, sql` and `)}`;
  });
  return sql`
    with counts (stage, bucket, n) as (
      select b.from_status, b.days_bucket, b.count from stage_duration_buckets b where ${sql.join(bucketScope, sql` and `)}
      ${sql.join(partialMonths, sql` `)}
    ), histogram as (
      select stage, bucket, sum(n) as n from counts group by stage, bucket
    ), cumulative as (
      select stage, bucket, sum(n) over (partition by stage order by bucket) as reached, sum(n) over (partition by stage) as total
      from histogram
    )
    select stage, max(total)::int as n,
           round(min(bucket) filter (where reached >= 0.5 * total) / 10.0, 1)::text as median,
           round(min(bucket) filter (where reached >= 0.9 * total) / 10.0, 1)::text as p90
    from cumulative group by stage`;
}

export type PilotDashboard = Awaited<ReturnType<typeof pilotDashboard>>;

/** The dashboard's SQL, one aggregate per section; exported so the benchmark can EXPLAIN ANALYZE each. */
export function dashboardQueries(region: string, filters: DashboardFilters, today: string) {
  const appScope = scope("a", region, filters, { name: "created_at", kind: "timestamptz" });
  const certScope = scope("c", region, filters, { name: "issued_on", kind: "date" });
  return {
    enterprises: sql`
      select count(*)::int as n from organizations o
      where o.kind = 'enterprise' and o.region = ${region}
        ${filters.district ? sql`and o.district = ${filters.district}` : sql``}
        ${filters.category ? sql`and exists (select 1 from applications a where a.organization_id = o.id and a.category_id = ${filters.category})` : sql``}
        ${filters.from ? sql`and o.created_at >= ${shanghaiDayStart(sql`${filters.from}::date`)}` : sql``}
        ${filters.to ? sql`and o.created_at < ${shanghaiDayStart(sql`${filters.to}::date + 1`)}` : sql``}`,
    products: sql`
      select count(*)::int as n from products p join organizations o on o.id = p.organization_id
      where o.kind = 'enterprise' and o.region = ${region}
        ${filters.district ? sql`and o.district = ${filters.district}` : sql``}
        ${filters.category ? sql`and p.category_id = ${filters.category}` : sql``}
        ${filters.from ? sql`and p.created_at >= ${shanghaiDayStart(sql`${filters.from}::date`)}` : sql``}
        ${filters.to ? sql`and p.created_at < ${shanghaiDayStart(sql`${filters.to}::date + 1`)}` : sql``}`,
    certificates: sql`
      select count(*)::int as total,
             count(*) filter (where c.status = 'valid' and c.expires_on >= ${today}::date)::int as valid,
             count(*) filter (where c.status = 'suspended' and c.expires_on >= ${today}::date)::int as suspended,
             count(*) filter (where c.status = 'withdrawn')::int as withdrawn,
             count(*) filter (where c.status = 'expired' or (c.status in ('valid', 'suspended') and c.expires_on < ${today}::date))::int as expired
      from certificates c where ${certScope}`,
    // Group on the month's first day (date arithmetic) and format the few groups, not every row.
    labelsPerMonth: sql`
      select to_char(m.month, 'YYYY-MM') as month, m.n from (
        select c.issued_on - (extract(day from c.issued_on)::int - 1) as month, count(*)::int as n
        from certificates c where ${certScope} group by 1
      ) m order by m.month`,
    stageDurations: stageDurationsQuery(region, filters),
    grades: sql`
      select c.category_id as "categoryId", c.grade, count(*)::int as n
      from certificates c where ${certScope} group by c.category_id, c.grade order by 1, 2`,
    footprints: sql`
      select f."categoryId", f.n, f.q[1]::text as p10, f.q[2]::text as median, f.q[3]::text as p90, f."atOrBelow",
             b.value::text as benchmark from (
        select c.category_id as "categoryId", count(*)::int as n,
               percentile_cont(array[0.1, 0.5, 0.9]) within group (order by c.value::float8) as q,
               count(*) filter (where c.ratio <= 1)::int as "atOrBelow"
        from certificates c where ${certScope} group by c.category_id
      ) f
      left join lateral (
        select value from benchmarks b where b.region = ${region} and b.category_id = f."categoryId" order by b.version desc limit 1
      ) b on true
      order by 1`,
    // The two middle values, exact on numeric (percentile_disc picks a value, never interpolates in float):
    // the mean of the two is the median (lib/regulator/stage-medians.ts).
    stageMedians: sql`
      select e.category_id as "categoryId", e.stage, count(*)::int as certificates,
             (percentile_disc(0.5) within group (order by e.value))::text as "lowerMiddle",
             (percentile_disc(0.5) within group (order by e.value desc))::text as "upperMiddle"
      from certificate_stage_emissions e where ${scope("e", region, filters, { name: "issued_on", kind: "date" })}
      group by e.category_id, e.stage`,
    // Per certificate in force: the part of its footprint (the snapshot's line shares) carried by
    // lines priced with a supplier's certified footprint through a fulfilled request; a biogenic
    // removal carries none, as for the primary-data share (lib/calc/supplier-share.ts). Footprints of
    // different products are not summable, so the KPI is the mean share over the certificates.
    supplierData: sql`
      select count(*)::int as certificates,
             count(*) filter (where s.lines > 0)::int as resting,
             round(coalesce(avg(s.share), 0), 6)::text as "meanShare"
      from certificates c
      cross join lateral (
        select count(*)::int as lines, coalesce(sum((l->>'share')::numeric), 0) as share
        from jsonb_array_elements(coalesce(c.snapshot->'inventory'->'calculation'->'lines', '[]'::jsonb)) l
        join inventory_lines il on il.application_id = c.application_id and il.id::text = l->>'lineId'
        where il.supply_request_id is not null
          and not (l->>'emissionCategory' = 'biogenic' and (l->>'periodEmissions')::numeric < 0)
      ) s
      where ${certScope} and c.status = 'valid' and c.expires_on >= ${today}::date`,
    // The funnel and the bodies' activity from one pass over the applications:
    // rows of kind 'stage' (key = status) and 'body' (key = id, rank = display order).
    applications: sql`
      with activity as materialized (
        select a.status, a.verification_body_id as body_id, count(*)::int as n
        from applications a where ${appScope} group by a.status, a.verification_body_id
      ), body_activity as (
        select body_id, sum(n)::int as applications, coalesce(sum(n) filter (where status = 'certified'), 0)::int as certificates
        from activity where body_id is not null group by body_id
      )
      select 'stage' as kind, status::text as key, sum(n)::int as applications, 0 as certificates,
             null::text as name, null::text as "nameEn", 0::int as rank
      from activity group by status
      union all
      select 'body', o.id::text, coalesce(b.applications, 0), coalesce(b.certificates, 0), o.name, o.name_en,
             (row_number() over (order by coalesce(b.applications, 0) desc, o.name))::int
      from organizations o left join body_activity b on b.body_id = o.id
      where (o.kind = 'verification_body' and o.region = ${region}) or b.body_id is not null`,
  };
}

/**
 * Everything the pilot dashboard shows, for the bureau's region and the filters.
 * Each section is one aggregate query (FILTER clauses instead of repeated scans;
 * the funnel and the bodies share one pass over the applications); the queries
 * run concurrently on the pool (PGlite serializes them).
 */
export async function pilotDashboard(user: CurrentUser, filters: DashboardFilters) {
  assertCan(user, "dashboard.read");
  const queries = dashboardQueries(user.region, filters, todayInShanghai());
  const [
    enterprises,
    products,
    applicationActivity,
    certificateCounts,
    labelsPerMonth,
    stageDurations,
    grades,
    footprints,
    stageMedians,
    supplierData,
  ] = await Promise.all([
    rows(queries.enterprises, ROWS.count),
    rows(queries.products, ROWS.count),
    rows(queries.applications, ROWS.applications),
    rows(queries.certificates, ROWS.certificates),
    rows(queries.labelsPerMonth, ROWS.labelsPerMonth),
    rows(queries.stageDurations, ROWS.stageDurations),
    rows(queries.grades, ROWS.grades),
    rows(queries.footprints, ROWS.footprints),
    rows(queries.stageMedians, ROWS.stageMedians),
    rows(queries.supplierData, ROWS.supplierData),
  ]);

  const funnelByStatus = new Map(applicationActivity.flatMap((row) => (row.kind === "stage" ? [[row.key, row.applications] as const] : [])));
  const bodies = applicationActivity
    .flatMap((row) => (row.kind === "body" ? [row] : []))
    .sort((a, b) => a.rank - b.rank)
    .map((row) => ({ id: row.key, name: row.name, nameEn: row.nameEn, applications: row.applications, certificates: row.certificates }));
  const durationByStage = new Map(stageDurations.map((row) => [row.stage, row]));
  return {
    filters,
    enterprises: enterprises[0]?.n ?? 0,
    products: products[0]?.n ?? 0,
    funnel: STAGE_ORDER.map((status) => ({ status, count: funnelByStatus.get(status) ?? 0 })),
    certificates: {
      valid: certificateCounts[0]?.valid ?? 0,
      suspended: certificateCounts[0]?.suspended ?? 0,
      withdrawn: certificateCounts[0]?.withdrawn ?? 0,
      expired: certificateCounts[0]?.expired ?? 0,
      total: certificateCounts[0]?.total ?? 0,
    },
    labelsPerMonth: labelsPerMonth.map((row) => ({ month: row.month, count: row.n })),
    stageDurations: STAGE_ORDER.filter((stage) => durationByStage.has(stage)).map((stage) => {
      const row = durationByStage.get(stage)!;
      return { stage, transitions: row.n, medianDays: row.median, p90Days: row.p90 };
    }),
    grades: grades.map((row) => ({ categoryId: row.categoryId, grade: row.grade, count: row.n })),
    footprints: footprints.map((row) => ({
      categoryId: row.categoryId,
      certificates: row.n,
      p10: row.p10,
      median: row.median,
      p90: row.p90,
      atOrBelowBenchmark: row.atOrBelow,
      benchmark: row.benchmark,
    })),
    stageMedians: categoryStageMedians(stageMedians),
    /** Certificates in force, those resting on certified supplier data, and the mean share of their footprints it carries. */
    supplierData: {
      certificates: supplierData[0]?.certificates ?? 0,
      resting: supplierData[0]?.resting ?? 0,
      meanShare: supplierData[0]?.meanShare ?? "0",
    },
    bodies,
  };
}

type TargetProgress = z.infer<typeof ROWS.targetProgress>;

/** The bureau's pilot targets with what has been achieved so far (counted up to each deadline). */
export async function pilotTargetsProgress(user: CurrentUser): Promise<TargetProgress[]> {
  assertCan(user, "dashboard.read");
  return rows(
    sql`
    select t.id, t.title, t.category_id as "categoryId", t.metric, t.target_count as "targetCount",
           to_char(t.deadline, 'YYYY-MM-DD') as deadline,
           case t.metric
             when 'certificates_issued' then (
               select count(*)::int from certificates c
               where c.region = t.region and (t.category_id is null or c.category_id = t.category_id)
                 and c.issued_on <= t.deadline and c.status <> 'withdrawn')
             else (
               select count(distinct a.product_id)::int from applications a
               where a.region = t.region and (t.category_id is null or a.category_id = t.category_id)
                 and a.result_value is not null)
           end as achieved
    from pilot_targets t where t.region = ${user.region}
    order by t.deadline, t.title`,
    ROWS.targetProgress,
  );
}

/** The pilot dashboard page in one read: the figures, the targets, and the categories to name and filter by. */
export async function getRegulatorDashboard(user: CurrentUser, filters: DashboardFilters) {
  const [overview, targets, categories] = await Promise.all([pilotDashboard(user, filters), pilotTargetsProgress(user), listProductCategories()]);
  return { overview, targets, categories };
}
