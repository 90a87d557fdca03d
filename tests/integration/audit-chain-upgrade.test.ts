/**
 * Upgrading a database whose audit trail was one global chain: the events
 * recorded before the upgrade stay verbatim as the closed legacy chain, and
 * verification passes after the upgrade — on PostgreSQL and on PGlite.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { eq, isNull, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import * as schema from "@/db/schema";
import { auditEvents } from "@/db/schema";
import { auditEventHash, GENESIS_HASH, LEGACY_CHAIN, type AuditContent } from "@/lib/audit/chain";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/dal/audit-trail";
import { createTestDatabase } from "../support/test-database";

const MIGRATIONS = path.join(process.cwd(), "drizzle");

/** A copy of the migrations folder holding only the migrations from before audit chains existed. */
function migrationsBeforeChains(): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
  const firstChained = journal.entries.findIndex((entry) =>
    fs.readFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), "utf8").includes('CREATE TABLE "audit_chains"'),
  );
  expect(firstChained).toBeGreaterThan(0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const entries = journal.entries.slice(0, firstChained);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

/** Events as the single-chain trail stored them: one chain over every region, in id order, no chain columns. */
async function recordPreChainEvents(database: Db, count: number) {
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const content: AuditContent = {
      occurredAt: new Date(Date.UTC(2025, 5, i, 3)).toISOString(),
      actorUserId: null,
      actorRole: "system",
      actorOrganizationId: null,
      action: "certificate.expire",
      entityType: "certificate",
      entityId: `legacy-${i}`,
      region: i % 2 ? "500000" : "510000",
      fromStatus: "valid",
      toStatus: "expired",
      data: { i },
    };
    const hash = auditEventHash(prevHash, content);
    await database.execute(sql`insert into audit_events (occurred_at, actor_role, action, entity_type, entity_id, region, from_status, to_status, data, prev_hash, hash)
      values (${content.occurredAt}, ${content.actorRole}, ${content.action}, ${content.entityType}, ${content.entityId}, ${content.region},
              ${content.fromStatus}, ${content.toStatus}, ${JSON.stringify(content.data)}::jsonb, ${prevHash}, ${hash})`);
    prevHash = hash;
  }
}

async function asSuperuser(database: Db, statement: ReturnType<typeof sql>) {
  await database.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

type Driver = { name: string; open: () => Promise<{ database: Db; migrate: (folder: string) => Promise<void>; close: () => Promise<void> }> };

const drivers: Driver[] = [
  {
    name: "PostgreSQL",
    open: async () => {
      const created = await createTestDatabase("carbonlabel_audit_upgrade");
      const pool = new Pool({ connectionString: created.url, max: 4 });
      const database = drizzlePg(pool, { schema });
      return {
        database,
        migrate: (folder) => migratePg(database, { migrationsFolder: folder }),
        close: async () => {
          await pool.end();
          await created.drop();
        },
      };
    },
  },
  {
    name: "PGlite",
    open: async () => {
      const client = new PGlite();
      const database = drizzlePglite(client, { schema });
      return {
        database: database as unknown as Db,
        migrate: (folder) => migratePglite(database, { migrationsFolder: folder }),
        close: () => client.close(),
      };
    },
  },
];

describe.each(drivers)("upgrading the audit trail on $name", (driver) => {
  let handle: Awaited<ReturnType<Driver["open"]>>;
  let legacyIds: number[];

  beforeAll(async () => {
    handle = await driver.open();
    const before = migrationsBeforeChains();
    await handle.migrate(before);
    fs.rmSync(before, { recursive: true, force: true });
    await recordPreChainEvents(handle.database, 5);
    await handle.migrate(MIGRATIONS);
    legacyIds = (await handle.database.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id)).map((row) => row.id);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("keeps the pre-upgrade events verbatim as the closed legacy chain, and verification passes", async () => {
    const [head] = await handle.database.select().from(schema.auditChains).where(eq(schema.auditChains.id, LEGACY_CHAIN));
    const [last] = await handle.database.select().from(auditEvents).where(eq(auditEvents.id, legacyIds[4]));
    expect(head).toMatchObject({ lastSeq: 5, lastHash: last.hash, lastEventId: last.id });
    expect(await handle.database.$count(auditEvents, isNull(auditEvents.chain))).toBe(5);
    expect(await verifyAuditChain(handle.database)).toEqual({ checked: 5, broken: null });
    expect(await verifyAuditChain(handle.database, 2, { region: "510000" })).toEqual({ checked: 5, broken: null });
  });

  it("appends new events to per-organization chains next to it", async () => {
    for (let i = 0; i < 3; i++) {
      await handle.database.transaction((tx) =>
        recordAuditEvent(tx, null, { action: "factor.create", entityType: "emission_factor", entityId: `new-${i}`, region: "500000" }),
      );
    }
    const chained = await handle.database.select().from(auditEvents).where(eq(auditEvents.chain, "500000/-")).orderBy(auditEvents.chainSeq);
    expect(chained.map((row) => row.chainSeq)).toEqual([1, 2, 3]);
    expect(await verifyAuditChain(handle.database, 2)).toEqual({ checked: 8, broken: null });
  });

  it("still detects an edited, a removed last and an added pre-upgrade event", async () => {
    await asSuperuser(handle.database, sql`update audit_events set reason = 'rewritten' where id = ${legacyIds[1]}`);
    expect((await verifyAuditChain(handle.database, 2)).broken).toEqual({ id: legacyIds[1], problem: "content" });
    await asSuperuser(handle.database, sql`update audit_events set reason = null where id = ${legacyIds[1]}`);

    const [last] = await handle.database.select().from(auditEvents).where(eq(auditEvents.id, legacyIds[4]));
    await asSuperuser(handle.database, sql`delete from audit_events where id = ${last.id}`);
    expect((await verifyAuditChain(handle.database, 2)).broken).toEqual({ id: last.id, problem: "missing" });
    await handle.database.insert(auditEvents).values(last);
    expect((await verifyAuditChain(handle.database, 2)).broken).toBeNull();

    await recordPreChainEvents(handle.database, 1);
    const [added] = await handle.database.select({ id: auditEvents.id }).from(auditEvents).where(isNull(auditEvents.chain)).orderBy(sql`id desc`).limit(1);
    expect((await verifyAuditChain(handle.database, 2)).broken).toEqual({ id: added.id, problem: "link" });
  });
});
