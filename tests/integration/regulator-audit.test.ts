import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { verifyAuditChainAction } from "@/lib/actions/regulator/verify-audit-chain";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { listAuditEvents, verifyAuditChain } from "@/lib/dal/audit-trail";
import { actAs, createUser } from "../support/factories";
import { createRegion, databaseError } from "../support/regulator-fixtures";

type Pilot = Awaited<ReturnType<typeof createRegion>>;
let east: Pilot;
let west: Pilot;

async function asCurrent(user: Parameters<typeof actAs>[0]): Promise<CurrentUser> {
  actAs(user);
  const current = await getCurrentUser();
  if (!current) throw new Error("no session");
  return current;
}

async function recordIn(pilot: Pilot, action: string, reason: string | null = null) {
  return db.transaction((tx) =>
    recordAuditEvent(tx, { id: pilot.verifier.id, role: "verifier", organizationId: pilot.body.id }, {
      action,
      entityType: "application",
      entityId: crypto.randomUUID(),
      subjectOrganizationId: pilot.enterprise.id,
      region: pilot.region,
      fromStatus: "in_review",
      toStatus: "awaiting_decision",
      reason,
      data: { round: 1 },
    }),
  );
}

/** Only a superuser bypassing the trigger can alter a row: what an attacker with database access would do. */
async function tamper(id: number, reason: string | null) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
    await tx.update(auditEvents).set({ reason }).where(eq(auditEvents.id, id));
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  });
}

beforeAll(async () => {
  east = await createRegion("930000", "930101");
  west = await createRegion("940000", "940101");
  for (let i = 0; i < 3; i++) await recordIn(east, "application.recommend", `east ${i}`);
  await recordIn(west, "application.recommend", "west");
});

describe("audit trail", () => {
  it("lists the region's events newest first, paged by keyset, with filters", async () => {
    const user = await asCurrent(east.regulator);
    const { events, nextBefore } = await listAuditEvents(user, {});
    expect(events.map((event) => event.reason)).toEqual(["east 2", "east 1", "east 0"]);
    expect(nextBefore).toBeNull();
    expect(events[0]).toMatchObject({ actorName: "verifier tester", actorRole: "verifier", actorOrganizationName: east.body.name });
    const older = await listAuditEvents(user, { before: events[0].id });
    expect(older.events.map((event) => event.reason)).toEqual(["east 1", "east 0"]);
    expect((await listAuditEvents(user, { user: east.verifier.id })).events).toHaveLength(3);
    expect((await listAuditEvents(user, { organization: east.enterprise.id })).events).toHaveLength(3);
    expect((await listAuditEvents(user, { action: "certificate.suspend" })).events).toHaveLength(0);
    expect((await listAuditEvents(user, { to: "2020-01-01" })).events).toHaveLength(0);
  });

  it("cuts the period filter at midnight in Asia/Shanghai, as the dashboard does, not at the session's", async () => {
    const pilot = await createRegion("990000", "990101");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-03-01T15:59:59Z")); // 23:59:59 on 1 March in Shanghai
      await recordIn(pilot, "application.recommend", "last second of 1 March");
      vi.setSystemTime(new Date("2026-03-01T16:00:00Z")); // 00:00:00 on 2 March in Shanghai, still 1 March in UTC
      await recordIn(pilot, "application.recommend", "first second of 2 March");
    } finally {
      vi.useRealTimers();
    }
    const user = await asCurrent(pilot.regulator);
    const reasons = async (filters: { from?: string; to?: string }) => (await listAuditEvents(user, filters)).events.map((event) => event.reason);
    expect(await reasons({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["last second of 1 March"]);
    expect(await reasons({ from: "2026-03-02", to: "2026-03-02" })).toEqual(["first second of 2 March"]);
    expect(await reasons({ from: "2026-03-02" })).toEqual(["first second of 2 March"]);
    expect(await reasons({ to: "2026-03-01" })).toEqual(["last second of 1 March"]);
  });

  it("never shows another region's events, even when filtering on its ids", async () => {
    const user = await asCurrent(west.regulator);
    expect((await listAuditEvents(user, {})).events.map((event) => event.reason)).toEqual(["west"]);
    expect((await listAuditEvents(user, { organization: east.enterprise.id })).events).toEqual([]);
  });

  it.each(["enterprise", "verifier", "reviewer", "admin"] as const)("refuses a %s", async (role) => {
    await expect(listAuditEvents(await asCurrent(await createUser(role)), {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("append-only, hash-chained audit events", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database", async () => {
    const id = await recordIn(east, "application.recommend", "immutable");
    await expect(databaseError(db.update(auditEvents).set({ reason: "changed" }).where(eq(auditEvents.id, id)))).resolves.toMatch(/append-only: UPDATE refused/);
    await expect(databaseError(db.delete(auditEvents).where(eq(auditEvents.id, id)))).resolves.toMatch(/append-only: DELETE refused/);
    await expect(databaseError(db.execute(sql`truncate audit_events`))).resolves.toMatch(/append-only: TRUNCATE refused/);
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(row.reason).toBe("immutable");
  });

  it("verifies an intact chain, streaming in batches", async () => {
    const [{ total }] = (await db.execute(sql`select count(*)::int as total from audit_events`)).rows as Array<{ total: number }>;
    expect(await verifyAuditChain(db, 2)).toEqual({ checked: total, broken: null });
  });

  it("reports the first altered row through the regulator's action, and records the check", async () => {
    const id = await recordIn(east, "application.recommend", "original");
    await recordIn(east, "application.recommend", "after");
    await tamper(id, "rewritten history");
    try {
      actAs(east.regulator);
      const result = await verifyAuditChainAction({});
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.broken).toEqual({ id, problem: "content" });
      const [check] = await db.select().from(auditEvents).where(eq(auditEvents.action, "audit.verifyChain")).orderBy(sql`id desc`).limit(1);
      expect(check.data).toMatchObject({ brokenId: id, problem: "content" });
    } finally {
      await tamper(id, "original");
    }
    expect((await verifyAuditChain()).broken).toBeNull();
  });

  it("checks only the regulator's own region: another region's broken event is not its finding", async () => {
    const id = await recordIn(east, "application.recommend", "east original");
    await tamper(id, "east rewritten");
    try {
      actAs(west.regulator);
      const westResult = await verifyAuditChainAction({});
      expect(westResult).toMatchObject({ ok: true, data: { broken: null } });
      const [check] = await db.select().from(auditEvents).where(eq(auditEvents.action, "audit.verifyChain")).orderBy(sql`id desc`).limit(1);
      expect(check).toMatchObject({ region: west.region, actorUserId: west.regulator.id, subjectOrganizationId: west.bureau.id });
      expect(check.data).toMatchObject({ brokenId: null, problem: null });
      actAs(east.regulator);
      expect(await verifyAuditChainAction({})).toMatchObject({ ok: true, data: { broken: { id, problem: "content" } } });
    } finally {
      await tamper(id, "east original");
    }
  });

  it("records nothing when it refuses the chain check", async () => {
    const count = () => db.$count(auditEvents);
    const before = await count();
    actAs(await createUser("enterprise"));
    expect(await verifyAuditChainAction({})).toEqual({ ok: false, message: "errors.forbidden" });
    actAs(null);
    expect(await verifyAuditChainAction({})).toEqual({ ok: false, message: "errors.unauthenticated" });
    expect(await count()).toBe(before);
  });

  it.each(["enterprise", "verifier", "reviewer", "admin"] as const)("refuses the chain check to a %s", async (role) => {
    actAs(await createUser(role));
    expect(await verifyAuditChainAction({})).toEqual({ ok: false, message: "errors.forbidden" });
  });

  it("refuses the chain check to the anonymous", async () => {
    actAs(null);
    expect(await verifyAuditChainAction({})).toEqual({ ok: false, message: "errors.unauthenticated" });
  });
});
