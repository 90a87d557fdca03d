import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/db";
import { auditChains, auditEvents } from "@/db/schema";
import { auditChainKey, auditEventHash, type AuditContent } from "@/lib/audit/chain";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/dal/audit-trail";
import { createRegion, databaseError } from "../support/regulator-fixtures";

type Pilot = Awaited<ReturnType<typeof createRegion>>;
let north: Pilot;
let south: Pilot;

const enterpriseActor = (pilot: Pilot) => ({ id: pilot.enterpriseUser.id, role: "enterprise", organizationId: pilot.enterprise.id });
const chainOf = (pilot: Pilot) => auditChainKey({ region: pilot.region, subjectOrganizationId: pilot.enterprise.id, actorOrganizationId: pilot.enterprise.id });

function record(tx: Tx, pilot: Pilot, reason: string) {
  return recordAuditEvent(tx, enterpriseActor(pilot), {
    action: "product.update",
    entityType: "product",
    entityId: crypto.randomUUID(),
    subjectOrganizationId: pilot.enterprise.id,
    region: pilot.region,
    reason,
  });
}

const recordIn = (pilot: Pilot, reason: string) => db.transaction((tx) => record(tx, pilot, reason));

/** An event about another organization of the pilot's region (its own chain). */
const recordInOrganization = (pilot: Pilot, organizationId: string) =>
  db.transaction((tx) =>
    recordAuditEvent(tx, enterpriseActor(pilot), {
      action: "organization.update",
      entityType: "organization",
      entityId: organizationId,
      subjectOrganizationId: organizationId,
      region: pilot.region,
    }),
  );

async function chainRows(pilot: Pilot) {
  return db.select().from(auditEvents).where(eq(auditEvents.chain, chainOf(pilot))).orderBy(asc(auditEvents.chainSeq));
}

const verifyRegion = (pilot: Pilot) => verifyAuditChain(db, 3, { region: pilot.region });

/** What an attacker with database superuser rights could do: the append-only triggers switched off. */
async function asSuperuser(run: (tx: Tx) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await tx.execute(sql`alter table audit_chains disable trigger user`);
    await run(tx);
    await tx.execute(sql`alter table audit_events enable trigger user`);
    await tx.execute(sql`alter table audit_chains enable trigger user`);
  });
}

async function deleteEvent(id: number) {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
  await asSuperuser((tx) => tx.delete(auditEvents).where(eq(auditEvents.id, id)));
  return () => asSuperuser((tx) => tx.insert(auditEvents).values(row));
}

/** A forged event: another event's content, reworded, hashed onto `prevHash` (no id: the database gives one). */
function forgery(from: typeof auditEvents.$inferSelect, prevHash: string, place: { chain: string; chainSeq: number }) {
  const content: AuditContent = {
    occurredAt: new Date().toISOString(),
    actorUserId: from.actorUserId,
    actorRole: from.actorRole,
    actorOrganizationId: from.actorOrganizationId,
    action: from.action,
    entityType: from.entityType,
    entityId: from.entityId,
    subjectOrganizationId: from.subjectOrganizationId,
    region: from.region,
    reason: "forged",
  };
  return { ...content, occurredAt: new Date(content.occurredAt), prevHash, hash: auditEventHash(prevHash, content), ...place };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  north = await createRegion("870000", "870101");
  south = await createRegion("880000", "880101");
  for (let i = 0; i < 5; i++) await recordIn(north, `north ${i}`);
  for (let i = 0; i < 2; i++) await recordIn(south, `south ${i}`);
});

describe("one audit chain per region and organization", () => {
  it("numbers each organization's events 1, 2, 3 … from the genesis hash, and its head points at the last", async () => {
    const rows = await chainRows(north);
    expect(rows.map((row) => row.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prevHash).toBe("0".repeat(64));
    rows.slice(1).forEach((row, index) => expect(row.prevHash).toBe(rows[index].hash));
    const [head] = await db.select().from(auditChains).where(eq(auditChains.id, chainOf(north)));
    expect(head).toMatchObject({ region: "870000", organizationId: north.enterprise.id, lastSeq: 5, lastHash: rows[4].hash, lastEventId: rows[4].id });
  });

  it("lets writers of other organizations append while one holds its chain; writers of the same chain wait", async () => {
    let locked!: () => void;
    let release!: () => void;
    const hasLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = db.transaction(async (tx) => {
      const id = await record(tx, north, "holder");
      locked();
      await released;
      return id;
    });
    await hasLocked;
    const otherChain = recordIn(south, "meanwhile").then(() => "appended");
    expect(await Promise.race([otherChain, sleep(5_000).then(() => "blocked")])).toBe("appended");
    const sameChain = recordIn(north, "after holder");
    expect(await Promise.race([sameChain.then(() => "appended"), sleep(300).then(() => "waiting")])).toBe("waiting");
    release();
    const [holderId, followerId] = await Promise.all([holder, sameChain]);
    const rows = await chainRows(north);
    expect(rows.slice(-2).map((row) => row.id)).toEqual([holderId, followerId]);
    expect(rows.map((row) => row.chainSeq)).toEqual(rows.map((_, index) => index + 1));
  });

  it("keeps every chain gapless and verifiable under concurrent writers across organizations", async () => {
    await Promise.all(Array.from({ length: 24 }, (_, i) => recordIn(i % 3 === 0 ? south : north, `concurrent ${i}`)));
    for (const pilot of [north, south]) {
      const rows = await chainRows(pilot);
      expect(rows.map((row) => row.chainSeq)).toEqual(rows.map((_, index) => index + 1));
    }
    const [{ total }] = (await db.execute(sql`select count(*)::int as total from audit_events`)).rows as Array<{ total: number }>;
    expect(await verifyAuditChain(db, 7)).toEqual({ checked: total, broken: null });
  });

  it("refuses to rewind, rewrite or remove a chain head in the database", async () => {
    const key = chainOf(north);
    await expect(databaseError(db.update(auditChains).set({ lastSeq: sql`${auditChains.lastSeq} - 1` }).where(eq(auditChains.id, key)))).resolves.toMatch(/only advance by one event: UPDATE refused/);
    await expect(databaseError(db.update(auditChains).set({ region: "510000", lastSeq: sql`${auditChains.lastSeq} + 1` }).where(eq(auditChains.id, key)))).resolves.toMatch(/UPDATE refused/);
    await expect(databaseError(db.delete(auditChains).where(eq(auditChains.id, key)))).resolves.toMatch(/DELETE refused/);
    await expect(databaseError(db.execute(sql`truncate audit_chains`))).resolves.toMatch(/TRUNCATE refused/);
  });
});

describe("verification detects tampering in any chain", () => {
  it("an edited event (content), through its region's check and the platform's", async () => {
    const [, second] = await chainRows(north);
    await asSuperuser((tx) => tx.update(auditEvents).set({ reason: "rewritten" }).where(eq(auditEvents.id, second.id)));
    try {
      expect((await verifyRegion(north)).broken).toEqual({ id: second.id, problem: "content" });
      expect((await verifyAuditChain()).broken).toEqual({ id: second.id, problem: "content" });
      // Another region's chains are not the other regulator's to check, and they are intact.
      expect((await verifyRegion(south)).broken).toBeNull();
    } finally {
      await asSuperuser((tx) => tx.update(auditEvents).set({ reason: second.reason }).where(eq(auditEvents.id, second.id)));
    }
    expect((await verifyAuditChain()).broken).toBeNull();
  });

  it("a deleted event in the middle (broken link at the next one)", async () => {
    const [, second, third] = await chainRows(north);
    const restore = await deleteEvent(second.id);
    try {
      expect((await verifyRegion(north)).broken).toEqual({ id: third.id, problem: "link" });
    } finally {
      await restore();
    }
    expect((await verifyRegion(north)).broken).toBeNull();
  });

  it("deleted events at the end of a chain (missing: the head still names the last one)", async () => {
    const rows = await chainRows(south);
    const last = rows[rows.length - 1];
    const restore = await deleteEvent(last.id);
    try {
      expect((await verifyRegion(south)).broken).toEqual({ id: last.id, problem: "missing" });
    } finally {
      await restore();
    }
  });

  it("a chain whose every event was deleted (missing)", async () => {
    const rows = await chainRows(south);
    const restores = [];
    for (const row of rows) restores.push(await deleteEvent(row.id));
    try {
      expect((await verifyRegion(south)).broken).toEqual({ id: rows[rows.length - 1].id, problem: "missing" });
      expect((await verifyAuditChain()).broken).toEqual({ id: rows[rows.length - 1].id, problem: "missing" });
    } finally {
      for (const restore of restores) await restore();
    }
    expect((await verifyRegion(south)).broken).toBeNull();
  });

  it("two events swapped in their chain (reordered)", async () => {
    const [first, second] = await chainRows(north);
    const place = (id: number, chainSeq: number) => (tx: Tx) => tx.update(auditEvents).set({ chainSeq }).where(eq(auditEvents.id, id));
    await asSuperuser(async (tx) => {
      await place(first.id, -1)(tx);
      await place(second.id, 1)(tx);
      await place(first.id, 2)(tx);
    });
    try {
      expect((await verifyRegion(north)).broken).toEqual({ id: second.id, problem: "link" });
    } finally {
      await asSuperuser(async (tx) => {
        await place(first.id, -1)(tx);
        await place(second.id, 2)(tx);
        await place(first.id, 1)(tx);
      });
    }
    expect((await verifyRegion(north)).broken).toBeNull();
  });

  it("an inserted event hashed onto the chain's last one but unknown to its head", async () => {
    const rows = await chainRows(north);
    const last = rows[rows.length - 1];
    const [forged] = await db
      .insert(auditEvents)
      .values(forgery(last, last.hash, { chain: chainOf(north), chainSeq: rows.length + 1 }))
      .returning({ id: auditEvents.id });
    try {
      expect((await verifyRegion(north)).broken).toEqual({ id: forged.id, problem: "link" });
    } finally {
      await asSuperuser((tx) => tx.delete(auditEvents).where(eq(auditEvents.id, forged.id)));
    }
  });

  it("an event inserted under a chain that does not exist, seen by its region's check", async () => {
    const [first] = await chainRows(north);
    const [forged] = await db
      .insert(auditEvents)
      .values(forgery(first, first.prevHash, { chain: "870000/forged", chainSeq: 1 }))
      .returning({ id: auditEvents.id });
    try {
      expect((await verifyRegion(north)).broken).toEqual({ id: forged.id, problem: "link" });
      expect((await verifyAuditChain()).broken).toEqual({ id: forged.id, problem: "link" });
    } finally {
      await asSuperuser((tx) => tx.delete(auditEvents).where(eq(auditEvents.id, forged.id)));
    }
  });

  it("an event moved from one organization's chain to another's", async () => {
    const rows = await chainRows(north);
    const last = rows[rows.length - 1];
    const southChain = await chainRows(south);
    await asSuperuser((tx) =>
      tx.update(auditEvents).set({ chain: chainOf(south), chainSeq: southChain.length + 1 }).where(eq(auditEvents.id, last.id)),
    );
    try {
      // Its own region's check, and the platform's, miss it at the end of its chain.
      expect((await verifyRegion(north)).broken).toEqual({ id: last.id, problem: "missing" });
      expect((await verifyAuditChain()).broken).toEqual({ id: last.id, problem: "missing" });
      // The other region's chain itself is untouched: its regulator reads only its region's events.
      expect((await verifyRegion(south)).broken).toBeNull();
    } finally {
      await asSuperuser((tx) => tx.update(auditEvents).set({ chain: last.chain, chainSeq: last.chainSeq }).where(eq(auditEvents.id, last.id)));
    }
    // Moved within its region, into another organization's chain: whichever of the two chains the check
    // meets first reports it, as missing where it left or as a broken link where it landed.
    const [other] = await db.select().from(auditEvents).where(eq(auditEvents.id, await recordInOrganization(north, north.body.id)));
    await asSuperuser((tx) => tx.update(auditEvents).set({ chain: other.chain, chainSeq: other.chainSeq! + 1 }).where(eq(auditEvents.id, last.id)));
    try {
      // In the database's collation, as the check orders chains.
      const [{ leftFirst }] = (await db.execute(sql`select ${chainOf(north)}::text < ${other.chain}::text as "leftFirst"`)).rows as Array<{ leftFirst: boolean }>;
      const expected = leftFirst ? "missing" : "link";
      expect((await verifyRegion(north)).broken).toEqual({ id: last.id, problem: expected });
      expect((await verifyAuditChain()).broken).toEqual({ id: last.id, problem: expected });
    } finally {
      await asSuperuser((tx) => tx.update(auditEvents).set({ chain: last.chain, chainSeq: last.chainSeq }).where(eq(auditEvents.id, last.id)));
    }
    expect((await verifyAuditChain()).broken).toBeNull();
  });
});
