/**
 * Audited writes per second at 1, 8 and 32 concurrent writers on PostgreSQL,
 * BEFORE (the single global hash chain this replaced, kept here as a faithful
 * copy of its algorithm) and AFTER (one chain per region and organization,
 * `recordAuditEvent`). Each write is what an enterprise does all day: one
 * transaction that changes a product row and records its audit event, spread
 * over 200 enterprises in two regions (four in five in Chongqing). Each design
 * has a fresh throw-away database on the DATABASE_URL server (audit events
 * cannot be deleted, so the scale data set is left untouched), dropped after.
 */
import crypto from "node:crypto";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client, Pool } from "pg";
import type { Db, DbOrTx } from "@/db";
import * as schema from "@/db/schema";
import { auditEvents, organizations, products, users } from "@/db/schema";
import { auditEventHash, GENESIS_HASH, type AuditContent } from "@/lib/audit/chain";
import { recordAuditEvent, type AuditActor, type AuditInput } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/dal/audit-trail";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { percentile } from "./dashboard";

const WRITERS = [1, 8, 32];
const RUN_MS = 3_000;
const WARMUP_MS = 1_000;
const ROUNDS = 3;
const REGIONS = [
  { code: "500000", district: "500112", enterprises: 160 },
  { code: "510000", district: "510104", enterprises: 40 },
];
const PRODUCTS_PER_ENTERPRISE = 5;

type Recorder = (tx: DbOrTx, actor: AuditActor, event: AuditInput) => Promise<number>;

/** BEFORE, as lib/audit/record-audit-event.ts had it: the arbitrary lock key that serialized every append. */
const AUDIT_CHAIN_LOCK = 727_2024;

/** BEFORE: every audited transaction in the system takes one lock and reads the last hash of one chain. */
async function recordAuditEventSingleChain(tx: DbOrTx, actor: AuditActor, event: AuditInput) {
  // One writer at a time extends the chain; the lock ends with the transaction.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const content: AuditContent = {
    ...event,
    occurredAt: new Date().toISOString(),
    actorUserId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    actorOrganizationId: actor?.organizationId ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditEventHash(prevHash, content);
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...content, occurredAt: new Date(content.occurredAt), prevHash, hash })
    .returning({ id: auditEvents.id });
  return row.id;
}

type Enterprise = { id: string; region: string; user: { id: string; role: string; organizationId: string }; productIds: string[] };

/** A fresh database on the server; `connect` opens a pool sized for the most writers. */
async function throwAwayDatabase(serverUrl: string) {
  const name = `carbonlabel_bench_audit_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    connect() {
      const pool = new Pool({ connectionString: url.toString(), max: Math.max(...WRITERS) });
      return { database: drizzle(pool, { schema }) as Db, close: () => pool.end() };
    },
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

async function seedPilot(database: Db): Promise<Enterprise[]> {
  await migrate(database, { migrationsFolder: path.join(process.cwd(), "drizzle") });
  await seedReferenceData(database);
  const enterprises: Enterprise[] = [];
  for (const region of REGIONS) {
    for (let n = 0; n < region.enterprises; n++) {
      const [organization] = await database
        .insert(organizations)
        .values({ kind: "enterprise", name: `基准企业 ${region.code}-${n}`, nameEn: `Bench enterprise ${region.code}-${n}`, region: region.code, district: region.district })
        .returning({ id: organizations.id });
      const [user] = await database
        .insert(users)
        .values({ organizationId: organization.id, email: `bench-${organization.id}@bench.carbonlabel.org`, name: "Bench", role: "enterprise", passwordHash: "no login: benchmark user" })
        .returning({ id: users.id });
      const productRows = await database
        .insert(products)
        .values(
          Array.from({ length: PRODUCTS_PER_ENTERPRISE }, (_, index) => ({
            organizationId: organization.id,
            categoryId: "laptop",
            nameZh: `基准产品 ${index}`,
            nameEn: `Bench product ${index}`,
            model: `B-${index}`,
            hsCode: "84713000",
            declaredUnitAmount: "1",
            declaredUnit: "piece",
            systemBoundary: "cradle_to_gate" as const,
            periodStart: "2025-01-01",
            periodEnd: "2025-12-31",
            productionVolume: "10000",
            site: "bench",
          })),
        )
        .returning({ id: products.id });
      enterprises.push({
        id: organization.id,
        region: region.code,
        user: { id: user.id, role: "enterprise", organizationId: organization.id },
        productIds: productRows.map((row) => row.id),
      });
    }
  }
  return enterprises;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** One enterprise edits one of its products: the change and its audit event in one transaction. */
async function auditedWrite(database: Db, record: Recorder, enterprises: readonly Enterprise[]) {
  const enterprise = pick(enterprises);
  const productId = pick(enterprise.productIds);
  await database.transaction(async (tx) => {
    const [changed] = await tx
      .update(products)
      .set({ productionVolume: sql`${products.productionVolume} + 1`, updatedAt: new Date() })
      .where(eq(products.id, productId))
      .returning({ productionVolume: products.productionVolume });
    await record(tx, enterprise.user, {
      action: "product.update",
      entityType: "product",
      entityId: productId,
      subjectOrganizationId: enterprise.id,
      region: enterprise.region,
      productId,
      data: { productionVolume: changed.productionVolume },
    });
  });
}

async function measure(database: Db, record: Recorder, enterprises: readonly Enterprise[], writers: number, milliseconds: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + milliseconds;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        const begun = performance.now();
        await auditedWrite(database, record, enterprises);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p95: percentile(latencies, 0.95) };
}

type AuditThroughputRow = { writers: number; before: number; after: number; beforeP95: number; afterP95: number };

type Design = { record: Recorder; database: Awaited<ReturnType<typeof throwAwayDatabase>>; enterprises: Enterprise[] };

async function prepareDesign(serverUrl: string, record: Recorder): Promise<Design> {
  const database = await throwAwayDatabase(serverUrl);
  const { database: connection, close } = database.connect();
  try {
    return { record, database, enterprises: await seedPilot(connection) };
  } finally {
    await close();
  }
}

/** One measurement in its own pool (so only one design holds connections at a time), after a warm-up. */
async function measureDesign(design: Design, writers: number) {
  const { database, close } = design.database.connect();
  try {
    await measure(database, design.record, design.enterprises, writers, WARMUP_MS);
    return await measure(database, design.record, design.enterprises, writers, RUN_MS);
  } finally {
    await close();
  }
}

async function verifyDesign(design: Design) {
  const { database, close } = design.database.connect();
  try {
    const started = performance.now();
    const verification = await verifyAuditChain(database);
    const [{ chains }] = (await database.execute(sql`select count(*)::int as chains from audit_chains`)).rows as Array<{ chains: number }>;
    console.log(
      `[bench] audit chains after the runs: ${verification.checked} events in ${chains} chains verified in ${(performance.now() - started).toFixed(0)} ms, ` +
        (verification.broken ? `BROKEN at #${verification.broken.id} (${verification.broken.problem})` : "intact"),
    );
    if (verification.broken) throw new Error("the audit chains written by the benchmark do not verify");
  } finally {
    await close();
  }
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);

/**
 * Both designs in their own database, measured alternately (before, after) at
 * each number of writers, ROUNDS times: the median of each cell is printed, so
 * a burst of load on a shared machine does not favour one design.
 */
export async function runAuditThroughputBench(): Promise<AuditThroughputRow[]> {
  const serverUrl = process.env.DATABASE_URL!;
  const before = await prepareDesign(serverUrl, recordAuditEventSingleChain);
  const after = await prepareDesign(serverUrl, recordAuditEvent);
  try {
    const samples = WRITERS.map(() => ({ before: [] as Array<{ perSecond: number; p95: number }>, after: [] as Array<{ perSecond: number; p95: number }> }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, writers] of WRITERS.entries()) {
        samples[index].before.push(await measureDesign(before, writers));
        samples[index].after.push(await measureDesign(after, writers));
      }
    }
    await verifyDesign(after);
    const rows = WRITERS.map((writers, index) => ({
      writers,
      before: median(samples[index].before.map((sample) => sample.perSecond)),
      after: median(samples[index].after.map((sample) => sample.perSecond)),
      beforeP95: median(samples[index].before.map((sample) => sample.p95)),
      afterP95: median(samples[index].after.map((sample) => sample.p95)),
    }));
    const total = REGIONS.reduce((sum, region) => sum + region.enterprises, 0);
    console.log(
      `[bench] audited writes per second on PostgreSQL (a transaction updates a product and records its audit event; ` +
        `${total} enterprises in ${REGIONS.length} regions; median of ${ROUNDS} runs of ${RUN_MS / 1000} s):`,
    );
    console.log("[bench]   writers   before: one global chain   after: chain per organization   speed-up   p95 latency before → after");
    for (const row of rows) {
      console.log(
        `[bench]   ${String(row.writers).padStart(7)}   ${row.before.toFixed(0).padStart(18)}/s   ${row.after.toFixed(0).padStart(27)}/s   ` +
          `${(row.after / row.before).toFixed(1).padStart(7)}×   ${row.beforeP95.toFixed(1)} → ${row.afterP95.toFixed(1)} ms`,
      );
    }
    return rows;
  } finally {
    await before.database.drop();
    await after.database.drop();
  }
}
