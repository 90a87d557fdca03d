/**
 * The job system (issue 12): pg-boss on PostgreSQL and the in-process runner of the demo behind
 * one interface — send and work, retries with backoff, singleton keys, a job that fails its
 * last retry reported to the admins, retry and cancel — and two pg-boss instances on one
 * database running a scheduled job exactly once per slot.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, notifications } from "@/db/schema";
import { JOB_HANDLERS } from "@/lib/job-handlers";
import { DEAD_LETTER_QUEUE, type JobContext, type JobHandlers, type JobRunner } from "@/lib/jobs";
import { inProcessRunner } from "@/lib/jobs/in-process-runner";
import { PG_BOSS_SCHEMA, pgBossRunner } from "@/lib/jobs/pg-boss-runner";
import { settingsOf } from "@/lib/jobs/queues";
import { createOrganization } from "../support/factories";

const started: JobRunner[] = [];

afterEach(async () => {
  for (const runner of started.splice(0)) await runner.stop();
});

async function until<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the in-process runner (demo mode)", () => {
  function clockedRunner() {
    const clock = { now: Date.UTC(2026, 0, 10, 3, 0) };
    const runner = inProcessRunner({ now: () => clock.now, tickMs: 5 });
    started.push(runner);
    return { runner, clock };
  }

  it("runs a sent job, and drops a second send with the same singleton key while the first waits", async () => {
    const { runner } = clockedRunner();
    const seen: JobContext[] = [];
    await runner.send("pact-event-delivery", { round: 1 }, { singletonKey: "round" });
    expect(await runner.send("pact-event-delivery", { round: 2 }, { singletonKey: "round" })).toBeNull();
    await runner.start({ "pact-event-delivery": async (job) => void seen.push(job) });
    await until(() => seen.length === 1);
    expect(seen[0].data).toEqual({ round: 1 });
    const overview = await runner.overview();
    expect(overview.queues.find((queue) => queue.queue === "pact-event-delivery")).toMatchObject({ counts: { completed: 1, created: 0 }, cron: "* * * * *" });
  });

  it("retries a failing job with exponential backoff and reports it to the admins after the last retry", async () => {
    const { runner, clock } = clockedRunner();
    const attempts: number[] = [];
    const reports: JobContext[] = [];
    await runner.start({
      "pact-event-delivery": async () => {
        attempts.push(clock.now);
        throw new Error("partner unreachable");
      },
      [DEAD_LETTER_QUEUE]: async (job) => void reports.push(job),
    });
    const id = await runner.send("pact-event-delivery");
    const settings = settingsOf("pact-event-delivery");
    for (let retry = 0; retry <= settings.retryLimit; retry++) {
      await until(() => attempts.length === retry + 1);
      const job = await runner.findJob("pact-event-delivery", id!);
      if (retry < settings.retryLimit) {
        expect(job).toMatchObject({ state: "retry", error: "partner unreachable" });
        // Not before the backoff delay …
        clock.now += settings.retryDelaySeconds * 2 ** retry * 1000 - 1000;
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(attempts).toHaveLength(retry + 1);
        // … but once it has passed.
        clock.now += 1000;
      }
    }
    await until(() => reports.length === 1);
    expect(reports[0].data).toEqual({ queue: "pact-event-delivery", jobId: id, error: "partner unreachable" });
    expect(await runner.findJob("pact-event-delivery", id!)).toMatchObject({ state: "failed", retryCount: settings.retryLimit });
    expect((await runner.overview()).failing.map((job) => job.id)).toContain(id);
  });

  it("runs a failed job again on retry, and cancels a waiting one", async () => {
    const { runner } = clockedRunner();
    let fail = true;
    let runs = 0;
    await runner.start({
      "pact-event-delivery": async () => {
        runs++;
        if (fail) throw new Error("boom");
      },
    });
    const id = (await runner.send("pact-event-delivery"))!;
    const job = await runner.findJob("pact-event-delivery", id);
    expect(job).not.toBeNull();
    await until(() => runs === 1);
    await runner.cancel("pact-event-delivery", id);
    expect(await runner.findJob("pact-event-delivery", id)).toMatchObject({ state: "cancelled" });
    fail = false;
    await runner.retry("pact-event-delivery", id);
    // A cancelled job is not retried: only a failed one is.
    expect(await runner.findJob("pact-event-delivery", id)).toMatchObject({ state: "cancelled" });
  });
});

describe("pg-boss on PostgreSQL", () => {
  function bossRunner(extra: Partial<Parameters<typeof pgBossRunner>[0]> = {}) {
    const runner = pgBossRunner({ connectionString: process.env.DATABASE_URL!, pollingIntervalSeconds: 0.5, ...extra });
    started.push(runner);
    return runner;
  }

  it("keeps its tables in the pgboss schema, outside the drizzle migrations", async () => {
    const runner = bossRunner();
    await runner.start({});
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query("select table_schema from information_schema.tables where table_name = 'job' and table_schema = $1", [PG_BOSS_SCHEMA]);
    await client.end();
    expect(rows).toHaveLength(1);
  });

  it("works a sent job and retries it after a failure, with the error stored; a waiting job can be cancelled", async () => {
    const runner = bossRunner();
    let attempts = 0;
    await runner.start({
      // Only the test's own job fails: the queue's minutely schedule may fall due meanwhile, and a
      // failing scheduled job would add a second retry here and run again in the next test.
      "pact-event-delivery": async (job) => {
        if (!job.data.failingProbe) return;
        attempts++;
        throw new Error("partner unreachable");
      },
    });
    const id = (await runner.send("pact-event-delivery", { failingProbe: true }, { singletonKey: `failing-${Date.now()}` }))!;
    await until(() => attempts === 1);
    const retrying = await until(async () => {
      const job = await runner.findJob("pact-event-delivery", id);
      return job?.state === "retry" ? job : null;
    });
    expect(retrying.error).toBe("partner unreachable");
    const overview = await runner.overview();
    expect(overview.runner).toBe("pg-boss");
    expect(overview.queues.find((queue) => queue.queue === "pact-event-delivery")).toMatchObject({ counts: { retry: 1 }, cron: "* * * * *" });
    await runner.cancel("pact-event-delivery", id);
    expect(await runner.findJob("pact-event-delivery", id)).toMatchObject({ state: "cancelled" });
  });

  it("reports a job that failed its last retry to the operator's admins, in their notifications and audit trail", async () => {
    const operator = await createOrganization("operator");
    const jobId = crypto.randomUUID();
    await JOB_HANDLERS[DEAD_LETTER_QUEUE]!({ id: crypto.randomUUID(), queue: DEAD_LETTER_QUEUE, data: { queue: "pact-event-delivery", jobId, error: "partner unreachable" } });
    const [notice] = await db.select().from(notifications).where(and(eq(notifications.organizationId, operator.id), eq(notifications.kind, "jobs.failed")));
    expect(notice.params).toMatchObject({ queue: "pact-event-delivery", jobId, error: "partner unreachable" });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "job.fail"), eq(auditEvents.entityId, jobId), eq(auditEvents.subjectOrganizationId, operator.id))).orderBy(auditEvents.id);
    expect(audit).toMatchObject({ actorRole: null, data: { queue: "pact-event-delivery" } });
  });

  it(
    "two instances on one database run a scheduled job exactly once per slot",
    async () => {
      const runs: Array<{ instance: string; slot: number }> = [];
      const handlers = (instance: string): JobHandlers => ({ "pact-event-delivery": async () => void runs.push({ instance, slot: Math.floor(Date.now() / 60_000) }) });
      // Jobs an earlier test left in the queue (a scheduled one it stopped before working) are not this schedule's.
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`delete from ${PG_BOSS_SCHEMA}.job where name = 'pact-event-delivery'`);
      await client.end();
      const first = bossRunner({ cronIntervalSeconds: 1 });
      const second = bossRunner({ cronIntervalSeconds: 1 });
      await first.start(handlers("first"));
      await second.start(handlers("second"));
      // The minutely schedule falls due at the next minute (and may already have for this one).
      const nextMinute = (Math.floor(Date.now() / 60_000) + 1) * 60_000;
      await until(() => Date.now() > nextMinute + 15_000, 90_000);
      const perSlot = new Map<number, string[]>();
      for (const run of runs) perSlot.set(run.slot, [...(perSlot.get(run.slot) ?? []), run.instance]);
      expect(perSlot.size).toBeGreaterThanOrEqual(1);
      for (const instances of perSlot.values()) expect(instances).toHaveLength(1);
    },
    120_000,
  );
});
