import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import type { ApplicationStatus, CertificateStatus, LifeCycleStage } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import type { DashboardFilters, TargetMetric } from "@/lib/validation/schemas/regulator";
import { assertCan } from "./guard";

type Row = Record<string, unknown>;

async function rows<T extends Row>(query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/**
 * WHERE clause shared by every dashboard query: always the bureau's region, plus
 * the optional category, district and period (on `dateColumn`). Every table read
 * here has an index leading with (region, …) so each filter stays an index scan.
 */
function scope(alias: string, region: string, filters: DashboardFilters, dateColumn: string | null): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const parts: SQL[] = [sql`${column("region")} = ${region}`];
  if (filters.category) parts.push(sql`${column("category_id")} = ${filters.category}`);
  if (filters.district) parts.push(sql`${column("district")} = ${filters.district}`);
  if (dateColumn && filters.from) parts.push(sql`${column(dateColumn)} >= ${filters.from}::date`);
  // `to` is inclusive: everything before the next day (Asia/Shanghai calendar for timestamps).
  if (dateColumn && filters.to) parts.push(sql`${column(dateColumn)} < (${filters.to}::date + 1)`);
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

export type PilotDashboard = Awaited<ReturnType<typeof pilotDashboard>>;

/** The dashboard's SQL, one aggregate per section; exported so the benchmark can EXPLAIN ANALYZE each. */
export function dashboardQueries(region: string, filters: DashboardFilters, today: string) {
  const appScope = scope("a", region, filters, "created_at");
  const certScope = scope("c", region, filters, "issued_on");
  return {
    enterprises: sql`
      select count(*)::int as n from organizations o
      where o.kind = 'enterprise' and o.region = ${region}
        ${filters.district ? sql`and o.district = ${filters.district}` : sql``}
        ${filters.category ? sql`and exists (select 1 from applications a where a.organization_id = o.id and a.category_id = ${filters.category})` : sql``}
        ${filters.from ? sql`and o.created_at >= ${filters.from}::date` : sql``}
        ${filters.to ? sql`and o.created_at < (${filters.to}::date + 1)` : sql``}`,
    products: sql`
      select count(*)::int as n from products p join organizations o on o.id = p.organization_id
      where o.kind = 'enterprise' and o.region = ${region}
        ${filters.district ? sql`and o.district = ${filters.district}` : sql``}
        ${filters.category ? sql`and p.category_id = ${filters.category}` : sql``}
        ${filters.from ? sql`and p.created_at >= ${filters.from}::date` : sql``}
        ${filters.to ? sql`and p.created_at < (${filters.to}::date + 1)` : sql``}`,
    funnel: sql`select a.status, count(*)::int as n from applications a where ${appScope} group by a.status`,
    certificates: sql`
      select count(*)::int as total,
             count(*) filter (where c.status = 'valid' and c.expires_on >= ${today}::date)::int as valid,
             count(*) filter (where c.status = 'suspended' and c.expires_on >= ${today}::date)::int as suspended,
             count(*) filter (where c.status = 'withdrawn')::int as withdrawn,
             count(*) filter (where c.status = 'expired' or (c.status in ('valid', 'suspended') and c.expires_on < ${today}::date))::int as expired
      from certificates c where ${certScope}`,
    labelsPerMonth: sql`
      select to_char(date_trunc('month', c.issued_on), 'YYYY-MM') as month, count(*)::int as n
      from certificates c where ${certScope} group by 1 order by 1`,
    stageDurations: sql`
      select stage, n, round(q[1]::numeric, 1)::text as median, round(q[2]::numeric, 1)::text as p90 from (
        -- One sort per stage for both percentiles; float8 sorts far faster than numeric.
        select t.from_status as stage, count(*)::int as n,
               percentile_cont(array[0.5, 0.9]) within group (order by t.days_in_from::float8) as q
        from stage_transitions t
      where ${scope("t", region, filters, "at")} and t.from_status is not null and t.days_in_from is not null
        group by t.from_status
      ) d`,
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
        select value from benchmarks b where b.category_id = f."categoryId" order by b.version desc limit 1
      ) b on true
      order by 1`,
    stageEmissions: sql`
      select e.stage, sum(e.value)::text as total, count(*)::int as certificates
      from certificate_stage_emissions e where ${scope("e", region, filters, "issued_on")}
      group by e.stage`,
    bodies: sql`
      with activity as (
        select a.verification_body_id as id, count(*)::int as applications,
               count(*) filter (where a.status = 'certified')::int as certificates
        from applications a where ${appScope} and a.verification_body_id is not null
        group by a.verification_body_id
      )
      select o.id, o.name, o.name_en as "nameEn",
             coalesce(activity.applications, 0) as applications, coalesce(activity.certificates, 0) as certificates
      from organizations o left join activity on activity.id = o.id
      where (o.kind = 'verification_body' and o.region = ${region}) or activity.id is not null
      order by applications desc, o.name`,
  };
}

/**
 * Everything the pilot dashboard shows, for the bureau's region and the filters.
 * Each section is one aggregate query (FILTER clauses instead of repeated scans);
 * the queries run in parallel.
 */
export async function pilotDashboard(user: CurrentUser, filters: DashboardFilters) {
  assertCan(user, "dashboard.read");
  const queries = dashboardQueries(user.region, filters, todayInShanghai());
  const [
    enterprises,
    products,
    funnel,
    certificateCounts,
    labelsPerMonth,
    stageDurations,
    grades,
    footprints,
    stageEmissions,
    bodies,
  ] = await Promise.all([
    rows<{ n: number }>(queries.enterprises),
    rows<{ n: number }>(queries.products),
    rows<{ status: ApplicationStatus; n: number }>(queries.funnel),
    rows<Record<CertificateStatus | "total", number>>(queries.certificates),
    rows<{ month: string; n: number }>(queries.labelsPerMonth),
    rows<{ stage: ApplicationStatus; n: number; median: string; p90: string }>(queries.stageDurations),
    rows<{ categoryId: string; grade: number | null; n: number }>(queries.grades),
    rows<{ categoryId: string; n: number; p10: string; median: string; p90: string; atOrBelow: number; benchmark: string | null }>(
      queries.footprints,
    ),
    rows<{ stage: LifeCycleStage; total: string; certificates: number }>(queries.stageEmissions),
    rows<{ id: string; name: string; nameEn: string | null; applications: number; certificates: number }>(queries.bodies),
  ]);

  const funnelByStatus = new Map(funnel.map((row) => [row.status, row.n]));
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
    stageEmissions: stageEmissions.map((row) => ({ stage: row.stage, total: row.total, certificates: row.certificates })),
    bodies: bodies.map((row) => ({ ...row, applications: Number(row.applications), certificates: Number(row.certificates) })),
  };
}

export type TargetProgress = {
  id: string;
  title: string;
  categoryId: string | null;
  metric: TargetMetric;
  targetCount: number;
  deadline: string;
  achieved: number;
};

/** The bureau's pilot targets with what has been achieved so far (counted up to each deadline). */
export async function pilotTargetsProgress(user: CurrentUser): Promise<TargetProgress[]> {
  assertCan(user, "dashboard.read");
  return rows<TargetProgress>(sql`
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
    order by t.deadline, t.title`);
}
