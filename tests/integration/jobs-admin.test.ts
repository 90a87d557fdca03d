/**
 * /admin/jobs (issue 12): the operator sees the queues with their counts by state and schedules,
 * and the failed jobs with their error; retries a failed job and cancels a waiting one, each an
 * audited operation that nobody else may perform.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents } from "@/db/schema";
import { cancelJobAction } from "@/lib/actions/jobs/cancel-job";
import { retryJobAction } from "@/lib/actions/jobs/retry-job";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getJobsPage } from "@/lib/dal/jobs";
import { jobsHealth, startedJobRunner, startJobs, stopJobs, type JobRunner } from "@/lib/jobs";
import { PG_BOSS_SCHEMA } from "@/lib/jobs/pg-boss-runner";
import { actAs, createOrganization, createUser } from "../support/factories";

let runner: JobRunner;

beforeAll(async () => {
  // Nobody works the queues here: the jobs stay where the test puts them.
  await startJobs({});
  runner = (await startedJobRunner())!;
});

afterAll(async () => {
  await stopJobs();
});

/** A job that failed its last retry, as pg-boss stores one. */
async function failedJob(): Promise<string> {
  const id = (await runner.send("reminders", {}, { singletonKey: `failed-${crypto.randomUUID()}` }))!;
  await db.execute(
    sql`update ${sql.identifier(PG_BOSS_SCHEMA)}.job set state = 'failed', retry_count = retry_limit, completed_on = now(), output = '{"message":"smtp unreachable"}'::jsonb where id = ${id}::uuid`,
  );
  return id;
}

async function auditOf(action: string, jobId: string) {
  return db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, jobId)));
}

describe("the admin's jobs page", () => {
  it("lists every queue with counts by state and schedule, and the failed jobs with their error", async () => {
    const admin = await createUser("admin", (await createOrganization("operator")).id);
    const id = await failedJob();
    actAs(admin);
    const page = await getJobsPage((await getCurrentUser())!);
    expect(page?.runner).toBe("pg-boss");
    expect(page?.queues.map((queue) => queue.queue)).toEqual(expect.arrayContaining(["pact-event-delivery", "certificate-expiry", "reminders", "audit-chain-verification", "job-failed"]));
    expect(page?.queues.find((queue) => queue.queue === "reminders")).toMatchObject({ cron: "0 8 * * *" });
    expect(page?.queues.find((queue) => queue.queue === "reminders")!.counts.failed).toBeGreaterThanOrEqual(1);
    expect(page?.failing.find((job) => job.id === id)).toMatchObject({ queue: "reminders", state: "failed", error: "smtp unreachable" });
    // /api/health reports the same figures.
    const health = await jobsHealth();
    expect(health).toMatchObject({ runner: "pg-boss", queueLagSeconds: expect.any(Number) });
    expect(health.failed).toBeGreaterThanOrEqual(1);
  });

  it("retries a failed job and cancels a waiting one, audited; refuses the wrong state with a reason", async () => {
    const admin = await createUser("admin", (await createOrganization("operator")).id);
    actAs(admin);
    const failed = await failedJob();
    expect(await retryJobAction({ queue: "reminders", jobId: failed })).toMatchObject({ ok: true });
    expect(await runner.findJob("reminders", failed)).toMatchObject({ state: "retry" });
    expect(await auditOf("job.retry", failed)).toEqual([expect.objectContaining({ actorUserId: admin.id, fromStatus: "failed", toStatus: "retry" })]);
    // Retrying again: it no longer failed.
    expect(await retryJobAction({ queue: "reminders", jobId: failed })).toMatchObject({ ok: false, message: "admin.jobs.errors.notFailed" });

    expect(await cancelJobAction({ queue: "reminders", jobId: failed })).toMatchObject({ ok: true });
    expect(await runner.findJob("reminders", failed)).toMatchObject({ state: "cancelled" });
    expect(await auditOf("job.cancel", failed)).toHaveLength(1);
    expect(await cancelJobAction({ queue: "reminders", jobId: failed })).toMatchObject({ ok: false, message: "admin.jobs.errors.notCancellable" });

    // Unknown queue or job, or not an id: a reason, never a crash.
    expect(await retryJobAction({ queue: "no-such-queue", jobId: failed })).toMatchObject({ ok: false, message: "admin.jobs.errors.notFound" });
    expect(await retryJobAction({ queue: "reminders", jobId: crypto.randomUUID() })).toMatchObject({ ok: false, message: "admin.jobs.errors.notFound" });
    expect(await retryJobAction({ queue: "reminders", jobId: "1; drop table" })).toMatchObject({ ok: false });
  });

  it("refuses everyone but the admin, and leaves the job as it was", async () => {
    const failed = await failedJob();
    for (const role of ["enterprise", "verifier", "reviewer", "regulator"] as const) {
      actAs(await createUser(role));
      expect(await retryJobAction({ queue: "reminders", jobId: failed })).toMatchObject({ ok: false, message: "errors.forbidden" });
      expect(await cancelJobAction({ queue: "reminders", jobId: failed })).toMatchObject({ ok: false, message: "errors.forbidden" });
    }
    actAs(null);
    expect(await retryJobAction({ queue: "reminders", jobId: failed })).toMatchObject({ ok: false });
    expect(await runner.findJob("reminders", failed)).toMatchObject({ state: "failed" });
    expect(await auditOf("job.retry", failed)).toHaveLength(0);
  });
});
