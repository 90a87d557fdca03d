import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { closeDb, db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { pilotDashboard } from "@/lib/dal/regulator-overview";
import { seedReferenceData } from "@/lib/seed/reference-data";
import { actAs, createOrganization, createUser } from "../support/factories";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";

/**
 * A real streaming replica: a primary and a standby of our own (pg_basebackup), never the shared
 * server. Pausing the standby's replay shows which server the dashboard reads.
 */
const REGION = "950000";
let primary: OwnPostgres;
let standby: OwnPostgres;
let regulator: CurrentUser;
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_READ_URL: process.env.DATABASE_READ_URL };

async function onStandby<T>(query: string): Promise<T> {
  const client = new Client({ connectionString: standby.url("carbonlabel") });
  await client.connect();
  try {
    return (await client.query(query)).rows[0] as T;
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  await closeDb();
  primary = await startOwnPostgres();
  const admin = new Client({ connectionString: primary.url() });
  await admin.connect();
  await admin.query("create database carbonlabel");
  await admin.end();
  process.env.DATABASE_URL = primary.url("carbonlabel");
  await migrateDatabase();
  await seedReferenceData(db);
  standby = await primary.startStandby();
  await closeDb();
  process.env.DATABASE_READ_URL = standby.url("carbonlabel");

  const bureau = await createOrganization("regulator", { region: REGION, district: null });
  await createOrganization("enterprise", { region: REGION });
  actAs(await createUser("regulator", bureau.id));
  regulator = (await getCurrentUser())!;
}, 120_000);

afterAll(async () => {
  await closeDb();
  Object.assign(process.env, saved);
  if (saved.DATABASE_READ_URL === undefined) delete process.env.DATABASE_READ_URL;
  await standby?.dispose();
  await primary?.dispose();
});

describe("the regulator's dashboard on a read replica", () => {
  it("reads from the replica: while its replay is paused, a new enterprise shows only once it resumes", async () => {
    await until(async () => (await pilotDashboard(regulator, {})).enterprises === 1, "the standby to replay the fixtures");
    await onStandby("select pg_wal_replay_pause()");
    try {
      await createOrganization("enterprise", { region: REGION });
      expect((await pilotDashboard(regulator, {})).enterprises).toBe(1);
    } finally {
      await onStandby("select pg_wal_replay_resume()");
    }
    await until(async () => (await pilotDashboard(regulator, {})).enterprises === 2, "the standby to replay the new enterprise");
  });

  it("reports the replica and its replication lag as ok", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.status).toBe("ok");
    expect(report.readReplica).toMatchObject({ status: "ok", reachable: true, readsFrom: "replica" });
    expect(report.readReplica.lagSeconds === null || typeof report.readReplica.lagSeconds === "number").toBe(true);
    expect(report.jobs).toEqual({ status: "not_configured" });
    expect(report.mail).toMatchObject({ status: "not_configured", pending: expect.any(Number), failed: expect.any(Number) });
  });

  it("falls back to the primary while the replica is down, reported degraded with 200", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await standby.stop("immediate");
    try {
      const before = (await pilotDashboard(regulator, {})).enterprises;
      await createOrganization("enterprise", { region: REGION });
      // Read from the primary: the write just made is already visible.
      expect((await pilotDashboard(regulator, {})).enterprises).toBe(before + 1);
      const response = await health();
      expect(response.status).toBe(200);
      const report = await response.json();
      expect(report.status).toBe("degraded");
      expect(report.database.status).toBe("ok");
      expect(report.readReplica).toMatchObject({ status: "degraded", readsFrom: "primary" });
    } finally {
      await standby.start();
      vi.restoreAllMocks();
    }
    await until(async () => (await (await health()).json()).readReplica.status === "ok", "the replica to be reported ok again");
  });

  it("answers 503 only when the primary itself is down, and 200 again once it is back", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await primary.stop("fast");
    try {
      const response = await health();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).database).toMatchObject({ status: "degraded", reachable: false });
    } finally {
      await primary.start();
      vi.restoreAllMocks();
    }
    await until(async () => (await health()).status === 200, "the primary to answer again");
  });
});
