import "server-only";
import type { ServiceHealth, ServiceProbe } from "@/lib/service-health";
import { inProcessRunner } from "./in-process-runner";
import { pgBossRunner } from "./pg-boss-runner";
import type { JobQueue } from "./queues";
import type { JobHandlers, JobRunner, SendOptions } from "./runner";

export { DEAD_LETTER_QUEUE, isJobQueue } from "./queues";
export type { JobContext, JobHandlers, JobRunner, JobsOverview, JobSummary } from "./runner";

const globalForJobs = globalThis as unknown as { carbonlabelJobs?: { runner: JobRunner; started: Promise<void> | null } };

/** pg-boss on PostgreSQL when DATABASE_URL is set; the in-process runner for the embedded demo. */
function createRunner(): JobRunner {
  const url = process.env.DATABASE_URL;
  return url ? pgBossRunner({ connectionString: url }) : inProcessRunner();
}

/** This process's job runner (created on first use, started by `startJobs`). */
function jobRunner(): JobRunner {
  globalForJobs.carbonlabelJobs ??= { runner: createRunner(), started: null };
  return globalForJobs.carbonlabelJobs.runner;
}

/** Starts this process's runner once with the platform's handlers (instrumentation.ts). */
export function startJobs(handlers: JobHandlers): Promise<void> {
  const runner = jobRunner();
  const state = globalForJobs.carbonlabelJobs!;
  state.started ??= runner.start(handlers);
  return state.started;
}

/**
 * Queues a job from a request or an operation. A process whose runner has not started sends
 * nothing (a job sent to a stopped in-process runner would never run); its queue's schedule
 * picks the work up.
 */
export async function sendJob(queue: JobQueue, data?: Record<string, unknown>, options?: SendOptions): Promise<string | null> {
  const state = globalForJobs.carbonlabelJobs;
  if (!state?.started) return null;
  await state.started;
  return state.runner.send(queue, data, options);
}

type PendingSend = { queue: JobQueue; data?: Record<string, unknown>; options?: SendOptions };

/** Jobs a transaction asked for, sent once it has committed (see `sendJobAfterCommit`). */
const pendingSends = new WeakMap<object, PendingSend[]>();

/**
 * Asks for a job once the transaction `tx` commits: the operation that wrote the job's work (a
 * row the job finds by itself) wakes its queue without the job ever seeing uncommitted data, and
 * a rolled-back transaction sends nothing. The queue's schedule picks the work up if the send
 * fails, so the row, not the send, is what makes the work durable. `executeOperation` sends them.
 */
export function sendJobAfterCommit(tx: object, queue: JobQueue, data?: Record<string, unknown>, options?: SendOptions): void {
  const pending = pendingSends.get(tx) ?? [];
  pending.push({ queue, data, options });
  pendingSends.set(tx, pending);
}

/** Sends the jobs a committed transaction asked for; a failed send is logged (the schedule retries the work). */
export async function sendJobsAfterCommit(tx: object): Promise<void> {
  const pending = pendingSends.get(tx);
  if (!pending) return;
  pendingSends.delete(tx);
  for (const { queue, data, options } of pending) {
    await sendJob(queue, data, options).catch((error: unknown) => console.error(`[jobs] could not queue ${queue}; its schedule will pick the work up:`, error));
  }
}

/** This process's runner once it has started; null in a process whose runner never started. */
export async function startedJobRunner(): Promise<JobRunner | null> {
  const state = globalForJobs.carbonlabelJobs;
  if (!state?.started) return null;
  await state.started;
  return state.runner;
}

/** Stops this process's runner (tests, shutdown). */
export async function stopJobs(): Promise<void> {
  const state = globalForJobs.carbonlabelJobs;
  if (!state) return;
  globalForJobs.carbonlabelJobs = undefined;
  if (state.started) await state.started.then(() => state.runner.stop(), () => undefined);
}

/** Jobs wait longer than this before /api/health calls the job system degraded. */
const LAG_DEGRADED_SECONDS = 5 * 60;

/** For /api/health: the runner's queue lag and failed jobs; degraded when jobs pile up. */
export const jobsHealth: ServiceProbe = async (): Promise<ServiceHealth> => {
  const runner = await startedJobRunner();
  // A process that runs no jobs (a script, a test) has none to report.
  if (!runner) return { status: "not_configured" };
  const overview = await runner.overview();
  const failed = overview.queues.reduce((sum, queue) => sum + queue.counts.failed, 0);
  return { status: overview.queueLagSeconds > LAG_DEGRADED_SECONDS ? "degraded" : "ok", runner: overview.runner, queueLagSeconds: overview.queueLagSeconds, failed };
};
