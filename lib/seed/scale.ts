/**
 * `npm run db:seed:scale`: fills the PostgreSQL database of DATABASE_URL with a
 * national-pilot-sized data set (100,000 applications, 1,000,000 inventory lines
 * and their stage transitions, certificates, findings and hash-chained audit
 * events) to measure the regulator dashboard. Set-based SQL (generate_series)
 * does the bulk; only the audit hash chain is computed in Node, batch by batch.
 * Synthetic data: every name carries "Scale" so it is never mistaken for real.
 */
import { Client } from "pg";
import { auditChainKey, auditEventHash, GENESIS_HASH, type AuditContent } from "@/lib/audit/chain";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import { STAGE_DURATION_BUCKETS_INSERT, STAGE_DURATION_BUCKETS_UPSERT } from "@/lib/domain/applications/stage-durations";
import { seedScalePublicLabels } from "./scale-public-labels";

const APPLICATIONS = 100_000;
const LINES_PER_APPLICATION = 10;
const ENTERPRISES = 5_000;
const BODIES_PER_REGION = 8;
const AUDIT_BATCH = 5_000;

/** Chongqing holds most of the pilot; Sichuan proves the dashboards stay region-scoped. */
const REGIONS = [
  { code: "500000", share: 0.8, districts: ["500101", "500103", "500105", "500106", "500107", "500108", "500112", "500113", "500115", "500120"] },
  { code: "510000", share: 0.2, districts: ["510104", "510105", "510106", "510107", "510108"] },
];

/** Synthetic benchmark values (kg CO2e per declared unit) for categories without one. */
const SCALE_BENCHMARKS: Record<string, number> = {
  laptop: 300, desktop: 420, li_battery_power: 85, li_battery_storage: 75, li_battery_consumer: 4,
  pv_module: 520, room_ac: 950, small_motor: 210, tyre: 38, aluminium: 16_000, cement: 620,
  wood_panel: 380, nev: 12_000, chemical: 2_900, steel: 2_100,
};

async function step(client: Client, label: string, query: string, params: unknown[] = []) {
  const started = Date.now();
  const result = await client.query(query, params);
  console.log(`[scale] ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function prepareDatabase() {
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedReferenceData } = await import("@/lib/seed/reference-data");
  const { isDatabaseEmpty, seedDemoPilot } = await import("@/lib/seed/demo");
  const { db, closeDb } = await import("@/db");
  await migrateDatabase();
  await seedReferenceData(db);
  if (await isDatabaseEmpty(db)) await seedDemoPilot(db);
  await closeDb();
}

async function seedOrganizations(client: Client) {
  const regionCase = REGIONS.map((r, i) => `when g % 10 < ${Math.round(REGIONS.slice(0, i + 1).reduce((s, x) => s + x.share, 0) * 10)} then ${i}`).join(" ");
  await client.query(`create temp table scale_region (idx int primary key, code text, districts text[])`);
  for (const [index, region] of REGIONS.entries()) {
    await client.query(`insert into scale_region values ($1, $2, $3)`, [index, region.code, region.districts]);
  }
  await step(
    client,
    "verification bodies",
    `insert into organizations (kind, name, name_en, region, district, accreditation_no)
     select 'verification_body', '规模测试认证机构 ' || r.code || '-' || b, 'Scale body ' || r.code || '-' || b,
            r.code, r.districts[1 + b % array_length(r.districts, 1)], 'SCALE-' || r.code || '-' || b
     from scale_region r cross join generate_series(1, ${BODIES_PER_REGION}) b`,
  );
  await step(
    client,
    "enterprises",
    `insert into organizations (kind, name, name_en, credit_code, region, district)
     select 'enterprise', '规模测试企业 ' || g, 'Scale enterprise ' || g, 'SCALE' || lpad(g::text, 13, '0'),
            r.code, r.districts[1 + (g / 10) % array_length(r.districts, 1)]
     from generate_series(1, ${ENTERPRISES}) g
     join scale_region r on r.idx = (case ${regionCase} else 0 end)`,
  );
  // One user per scale organization: actor of audit events, submitter, verifier raising findings.
  await step(
    client,
    "users",
    `insert into users (organization_id, email, name, password_hash, role)
     select o.id, 'scale-' || o.id || '@scale.carbonlabel.org', o.name_en || ' user',
            (select password_hash from users order by created_at limit 1),
            (case o.kind when 'enterprise' then 'enterprise' else 'verifier' end)::user_role
     from organizations o where o.name_en like 'Scale %'`,
  );
}

async function seedBenchmarks(client: Client) {
  for (const [categoryId, value] of Object.entries(SCALE_BENCHMARKS)) {
    await client.query(
      `insert into benchmarks (category_id, version, value, declared_unit, source, effective_from, thresholds)
       select c.id, 1, $2, c.declared_unit, 'Synthetic scale-test benchmark', '2024-01-01', $3::jsonb
       from product_categories c where c.id = $1 and not exists (select 1 from benchmarks b where b.category_id = c.id)`,
      [categoryId, String(value), JSON.stringify(DEFAULT_GRADE_THRESHOLDS)],
    );
  }
}

async function seedApplications(client: Client) {
  await client.query(`create temp table scale_enterprise as
    select row_number() over (order by o.id) - 1 as n, o.id, o.region, o.district, u.id as user_id
    from organizations o join users u on u.organization_id = o.id
    where o.kind = 'enterprise' and o.name_en like 'Scale %'`);
  await client.query(`create temp table scale_body as
    select row_number() over (partition by o.region order by o.id) - 1 as n, o.id, o.region, u.id as user_id
    from organizations o join users u on u.organization_id = o.id
    where o.kind = 'verification_body' and o.name_en like 'Scale %'`);
  await client.query(`create temp table scale_category as
    select row_number() over (order by c.sort_order) - 1 as n, c.id, c.declared_unit, b.id as benchmark_id, b.value as benchmark
    from product_categories c join benchmarks b on b.category_id = c.id and b.version = 1`);
  // Final status of application g: a realistic funnel (half certified, a tail in every stage).
  await client.query(`create temp table scale_status (lo int, hi int, status application_status, depth int)`);
  await client.query(`insert into scale_status values
    (0, 15, 'draft', 0), (15, 20, 'submitted', 1), (20, 22, 'declined', 2), (22, 26, 'accepted', 2),
    (26, 36, 'in_review', 3), (36, 41, 'changes_requested', 4), (41, 45, 'awaiting_decision', 4),
    (45, 95, 'certified', 5), (95, 100, 'rejected', 5)`);

  await step(
    client,
    "products",
    `insert into products (id, organization_id, category_id, name_zh, name_en, model, hs_code, declared_unit_amount,
                           declared_unit, system_boundary, period_start, period_end, production_volume, site, created_at)
     select md5('scale-product-' || g)::uuid, e.id, c.id, '规模测试产品 ' || g, 'Scale product ' || g, 'S-' || g, '00000000', 1,
            c.declared_unit, 'cradle_to_gate', '2025-01-01', '2025-12-31', 10000, 'Scale site',
            timestamptz '2024-01-01 00:00+08' + (g % 1000) * interval '1 day'
     from generate_series(1, ${APPLICATIONS}) g
     join scale_enterprise e on e.n = g % ${ENTERPRISES}
     join scale_category c on c.n = (g * 7 + (g / 13)) % (select count(*) from scale_category)`,
  );
  await step(
    client,
    "applications",
    `insert into applications (id, product_id, organization_id, category_id, region, district, status, review_stage,
                               inventory_revision, round, verification_body_id, lead_verifier_id, result_value,
                               stage_entered_at, submitted_at, decided_at, created_at, updated_at)
     select md5('scale-app-' || g)::uuid, p.id, p.organization_id, p.category_id, e.region, e.district, s.status,
            case when s.status = 'in_review' then 'document_review'::review_stage end,
            1, case when s.depth > 0 then 1 else 0 end,
            case when s.depth > 0 then b.id end, case when s.depth > 0 then b.user_id end,
            case when s.depth > 0 then round(c.benchmark * (0.55 + abs(hashtext('v' || g)) % 1024 / 1023.0 * 0.8), 6) end,
            p.created_at, case when s.depth > 0 then p.created_at + interval '3 days' end,
            case when s.depth = 5 then p.created_at + interval '40 days' end,
            p.created_at, p.created_at
     from generate_series(1, ${APPLICATIONS}) g
     join products p on p.id = md5('scale-product-' || g)::uuid
     join scale_enterprise e on e.id = p.organization_id
     join scale_category c on c.id = p.category_id
     join scale_status s on (g * 37) % 100 >= s.lo and (g * 37) % 100 < s.hi
     join scale_body b on b.region = e.region and b.n = g % ${BODIES_PER_REGION}`,
  );
  await step(
    client,
    "inventory lines",
    `insert into inventory_lines (application_id, stage, position, description, quantity, unit, source, factor_id,
                                  allocation_share, data_type)
     select a.id, (array['raw_material','raw_material','raw_material','raw_material','production','production',
                         'production','distribution','distribution','production'])[l]::life_cycle_stage,
            l, 'Scale line ' || l, 100 + abs(hashtext(a.id::text || l)) % 900, f.unit, 'database_factor', f.id, 1,
            case when l % 3 = 0 then 'primary'::data_type else 'secondary'::data_type end
     from applications a cross join generate_series(1, ${LINES_PER_APPLICATION}) l
     join (select row_number() over (order by id) - 1 as n, id, unit from emission_factors) f
       on f.n = abs(hashtext(l || a.id::text)) % (select count(*) from emission_factors)
     where a.product_id in (select id from products where name_en like 'Scale product %')`,
  );
}

/** The status path each final status went through, with plausible days spent per stage. */
async function seedTransitions(client: Client) {
  await client.query(`create temp table scale_path (status application_status, step int, from_status application_status, to_status application_status)`);
  const paths: Record<string, string[]> = {
    submitted: ["draft", "submitted"],
    declined: ["draft", "submitted", "declined"],
    accepted: ["draft", "submitted", "accepted"],
    in_review: ["draft", "submitted", "accepted", "in_review"],
    changes_requested: ["draft", "submitted", "accepted", "in_review", "changes_requested"],
    awaiting_decision: ["draft", "submitted", "accepted", "in_review", "awaiting_decision"],
    certified: ["draft", "submitted", "accepted", "in_review", "awaiting_decision", "certified"],
    rejected: ["draft", "submitted", "accepted", "in_review", "awaiting_decision", "rejected"],
  };
  for (const [status, path] of Object.entries(paths)) {
    for (let index = 1; index < path.length; index++) {
      await client.query(`insert into scale_path values ($1, $2, $3, $4)`, [status, index, path[index - 1], path[index]]);
    }
  }
  // Days per stage: skewed (a few long tails), different per from-status.
  await step(
    client,
    "stage transitions",
    `insert into stage_transitions (application_id, region, category_id, district, from_status, to_status,
                                    entered_from_at, at, days_in_from)
     select id, region, category_id, district, from_status, to_status,
            created_at + (cumulative - days) * interval '1 day', created_at + cumulative * interval '1 day', days
     from (
       select a.id, a.region, a.category_id, a.district, a.created_at, p.from_status, p.to_status, d.days,
              sum(d.days) over (partition by a.id order by p.step) as cumulative
       from applications a
       join scale_path p on p.status = a.status
       cross join lateral (select round(((0.5 + (abs(hashtext(a.id::text || p.step)) % 1024) / 1023.0) ^ 3
                                  * (case p.from_status when 'draft' then 30 when 'in_review' then 45 else 12 end))::numeric, 4) as days) d
       where a.product_id in (select id from products where name_en like 'Scale product %')
     ) t`,
  );
  // The days-in-stage histogram the dashboard reads, as transitionApplication keeps it.
  await step(
    client,
    "stage duration buckets",
    `${STAGE_DURATION_BUCKETS_INSERT}
       and t.application_id in (select a.id from applications a join products p on p.id = a.product_id
                                where p.name_en like 'Scale product %')
     ${STAGE_DURATION_BUCKETS_UPSERT}`,
  );
}

async function seedCertificates(client: Client) {
  const [t1, t2, t3, t4] = DEFAULT_GRADE_THRESHOLDS;
  await step(
    client,
    "certificates",
    `insert into certificates (number, application_id, product_id, organization_id, verification_body_id, category_id,
                               region, district, product_name, product_name_en, enterprise_name, value, benchmark_id,
                               grade, ratio, issued_on, expires_on, status, next_surveillance_due, snapshot, snapshot_sha256)
     select 'CFP-SCALE-' || lpad(row_number() over (order by a.id)::text, 7, '0'), a.id, a.product_id, a.organization_id,
            a.verification_body_id, a.category_id, a.region, a.district, p.name_zh, p.name_en, o.name,
            a.result_value, c.benchmark_id,
            case when r <= ${t1} then 1 when r <= ${t2} then 2 when r <= ${t3} then 3 when r <= ${t4} then 4 else 5 end,
            round(r, 6), issued, issued + interval '2 years', s, issued + interval '1 year',
            jsonb_build_object('synthetic', true), md5(a.id::text) || md5(a.product_id::text)
     from (
       select a.*, a.result_value / c.benchmark as r,
              (coalesce(a.decided_at, a.created_at) at time zone 'Asia/Shanghai')::date as issued,
              (case when abs(hashtext(a.id::text || 'w')) % 33 = 0 then 'withdrawn'
                    when abs(hashtext(a.id::text || 's')) % 25 = 0 then 'suspended' else 'valid' end)::certificate_status as s
       from applications a join scale_category c on c.id = a.category_id
       where a.status = 'certified' and a.product_id in (select id from products where name_en like 'Scale product %')
     ) a
     join scale_category c on c.id = a.category_id
     join products p on p.id = a.product_id
     join organizations o on o.id = a.organization_id`,
  );
  await step(
    client,
    "certificate stage emissions",
    `insert into certificate_stage_emissions (certificate_id, stage, value, region, category_id, district, issued_on)
     select c.id, s.stage::life_cycle_stage, round(c.value * s.share, 6), c.region, c.category_id, c.district, c.issued_on
     from certificates c
     cross join (values ('raw_material', 0.62), ('production', 0.29), ('distribution', 0.09)) s(stage, share)
     where c.number like 'CFP-SCALE-%'`,
  );
  await step(
    client,
    "findings",
    `insert into findings (application_id, round, severity, text, status, raised_by, raised_at, closed_at)
     select a.id, 1, (array['major','minor','observation'])[1 + f % 3]::finding_severity, 'Scale finding ' || f,
            case when a.status in ('certified','awaiting_decision','rejected') then 'closed'::finding_status else 'open'::finding_status end,
            a.lead_verifier_id, a.created_at + interval '20 days',
            case when a.status in ('certified','awaiting_decision','rejected') then a.created_at + interval '30 days' end
     from applications a cross join generate_series(1, 3) f
     where a.status in ('in_review','changes_requested','awaiting_decision','certified','rejected')
       and f <= 1 + abs(hashtext(a.id::text || 'f')) % 2
       and a.product_id in (select id from products where name_en like 'Scale product %')`,
  );
}

type AuditRow = AuditContent & { occurredAt: string };

/**
 * One audit event per transition and per issued certificate, in time order,
 * each hashed onto the previous event of its organization's chain (computed in
 * Node: the hash needs the previous one); the chains' heads are written last.
 * Every scale event concerns a scale enterprise, so all its chains are new.
 */
async function seedAuditEvents(client: Client) {
  await step(
    client,
    "audit staging",
    `create temp table scale_audit as
     select row_number() over (order by at, kind, entity_id) as seq, * from (
       select date_trunc('milliseconds', t.at) as at, 0 as kind, t.application_id::text as entity_id,
              case when t.to_status in ('submitted') then e.user_id else b.user_id end as actor_user_id,
              case when t.to_status in ('submitted') then 'enterprise' else 'verifier' end as actor_role,
              case when t.to_status in ('submitted') then a.organization_id else a.verification_body_id end as actor_organization_id,
              'application.' || t.to_status as action, 'application' as entity_type,
              a.organization_id as subject_organization_id, a.region, a.product_id, a.id as application_id,
              null::uuid as certificate_id, t.from_status::text as from_status, t.to_status::text as to_status
       from stage_transitions t
       join applications a on a.id = t.application_id
       join scale_enterprise e on e.id = a.organization_id
       join scale_body b on b.id = a.verification_body_id
       union all
       select date_trunc('milliseconds', c.issued_on + interval '10 hours'), 1, c.id::text, b.user_id, 'reviewer',
              c.verification_body_id, 'certificate.issue', 'certificate', c.organization_id, c.region, c.product_id,
              c.application_id, c.id, null, 'valid'
       from certificates c join scale_body b on b.id = c.verification_body_id
       where c.number like 'CFP-SCALE-%'
     ) events`,
  );
  await client.query("create index on scale_audit (seq)");
  const started = Date.now();
  const heads = new Map<string, { region: string | null; organizationId: string | null; lastSeq: number; lastHash: string; lastEventId: number }>();
  let lastSeq = 0;
  let total = 0;
  for (;;) {
    const { rows } = await client.query(
      `select * from scale_audit where seq > $1 order by seq limit ${AUDIT_BATCH}`,
      [lastSeq],
    );
    if (rows.length === 0) break;
    const columns: unknown[][] = Array.from({ length: 20 }, () => []);
    for (const row of rows) {
      const content: AuditRow = {
        occurredAt: new Date(row.at).toISOString(),
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        actorOrganizationId: row.actor_organization_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        subjectOrganizationId: row.subject_organization_id,
        region: row.region,
        productId: row.product_id,
        applicationId: row.application_id,
        certificateId: row.certificate_id,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        reason: null,
        data: null,
      };
      const chain = auditChainKey(content);
      const head = heads.get(chain) ?? {
        region: content.region ?? null,
        organizationId: content.subjectOrganizationId ?? content.actorOrganizationId ?? null,
        lastSeq: 0,
        lastHash: GENESIS_HASH,
        lastEventId: 0,
      };
      const chainSeq = head.lastSeq + 1;
      const hash = auditEventHash(head.lastHash, content);
      const values = [
        content.occurredAt, content.actorUserId, content.actorRole, content.actorOrganizationId, content.action,
        content.entityType, content.entityId, content.subjectOrganizationId, content.region, content.productId,
        content.applicationId, content.certificateId, content.fromStatus, content.toStatus, null, null, head.lastHash, hash,
        chain, chainSeq,
      ];
      values.forEach((value, index) => columns[index].push(value));
      heads.set(chain, { ...head, lastSeq: chainSeq, lastHash: hash });
    }
    const inserted = await client.query<{ id: string; chain: string; chain_seq: number }>(
      `insert into audit_events (occurred_at, actor_user_id, actor_role, actor_organization_id, action, entity_type,
                                 entity_id, subject_organization_id, region, product_id, application_id, certificate_id,
                                 from_status, to_status, reason, data, prev_hash, hash, chain, chain_seq)
       select * from unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                            $8::uuid[], $9::text[], $10::uuid[], $11::uuid[], $12::uuid[], $13::text[], $14::text[],
                            $15::text[], $16::jsonb[], $17::text[], $18::text[], $19::text[], $20::int[])
       returning id, chain, chain_seq`,
      columns,
    );
    for (const row of inserted.rows) {
      const head = heads.get(row.chain)!;
      if (row.chain_seq === head.lastSeq) head.lastEventId = Number(row.id);
    }
    total += rows.length;
    lastSeq = Number(rows[rows.length - 1].seq);
  }
  const chains = [...heads.entries()];
  await client.query(
    `insert into audit_chains (id, region, organization_id, last_seq, last_hash, last_event_id)
     select * from unnest($1::text[], $2::text[], $3::uuid[], $4::int[], $5::text[], $6::bigint[])`,
    [
      chains.map(([chain]) => chain),
      chains.map(([, head]) => head.region),
      chains.map(([, head]) => head.organizationId),
      chains.map(([, head]) => head.lastSeq),
      chains.map(([, head]) => head.lastHash),
      chains.map(([, head]) => head.lastEventId),
    ],
  );
  console.log(
    `[scale] audit events (hash-chained): ${total} rows in ${chains.length} chains in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error("[scale] DATABASE_URL must point at a PostgreSQL database (the embedded PGlite is not for this size).");
    process.exit(1);
  }
  const started = Date.now();
  await prepareDatabase();
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const existing = await client.query("select count(*)::int as n from organizations where name_en like 'Scale %'");
    if (existing.rows[0].n > 0) {
      console.log("[scale] the scale data set is already loaded; nothing to do.");
      return;
    }
    await client.query("begin");
    await seedOrganizations(client);
    await seedBenchmarks(client);
    await seedApplications(client);
    await seedTransitions(client);
    await seedCertificates(client);
    await seedAuditEvents(client);
    await seedScalePublicLabels(client);
    await client.query("commit");
    // VACUUM sets the visibility map so the dashboard's index-only scans skip the heap.
    await step(client, "vacuum analyze", "vacuum analyze");
    console.log(`[scale] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error("[scale] failed:", error);
  process.exit(1);
});
