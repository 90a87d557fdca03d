import "server-only";
import PgBoss from "pg-boss";
import { z } from "zod";
import { withStartupLock } from "@/db";
import { cronOf, DEAD_LETTER_QUEUE, isJobQueue, JOB_QUEUES, SCHEDULE_TIME_ZONE, settingsOf, type JobQueue } from "./queues";
import { JOB_STATES, type FailedJobReport, type JobHandler, type JobHandlers, type JobRunner, type JobState, type JobSummary, type QueueOverview, type SendOptions } from "./runner";

/** pg-boss keeps its tables in a schema of its own, outside the drizzle migrations. */
export const PG_BOSS_SCHEMA = "pgboss";

const FAILED_LISTED = 50;

type PgBossRunnerOptions = {
  connectionString: string;
  /** How often an idle worker asks for jobs (seconds); pg-boss's default is 2. */
  pollingIntervalSeconds?: number;
  /** How often the cron monitor and worker run (seconds); tests shorten them. */
  cronIntervalSeconds?: number;
};

function errorText(output: unknown): string | null {
  if (output == null) return null;
  if (typeof output === "object" && "message" in output && typeof output.message === "string") return output.message;
  if (typeof output === "object" && "value" in output) return errorText(output.value);
  return JSON.stringify(output);
}

function isJobState(value: unknown): value is JobState {
  return typeof value === "string" && (JOB_STATES as readonly string[]).includes(value);
}

/** Rows of pg-boss's own tables, parsed rather than trusted. */
const jobRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  retry_count: z.number(),
  created_on: z.date(),
  completed_on: z.date().nullable(),
  output: z.unknown(),
});
type JobRow = z.infer<typeof jobRowSchema>;
const countRowSchema = z.object({ name: z.string(), state: z.string(), count: z.number() });

function summaryOf(row: JobRow): JobSummary | null {
  if (!isJobQueue(row.name) || !isJobState(row.state)) return null;
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    retryCount: row.retry_count,
    createdOn: row.created_on,
    completedOn: row.completed_on,
    error: row.state === "failed" || row.state === "retry" ? errorText(row.output) : null,
  };
}

/**
 * pg-boss on the platform's PostgreSQL: jobs survive restarts, any number of instances work the
 * same queues (a job is fetched by one, `SKIP LOCKED`), and a schedule is sent once per slot
 * however many instances run its clock.
 */
export function pgBossRunner(options: PgBossRunnerOptions): JobRunner {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: PG_BOSS_SCHEMA,
    application_name: "carbonlabel-jobs",
    max: 4,
    ...(options.cronIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronIntervalSeconds, cronWorkerIntervalSeconds: options.cronIntervalSeconds } : {}),
  });
  boss.on("error", (error) => console.error("[jobs] pg-boss:", error));
  const db = () => boss.getDb();

  async function reportFinalFailure(queue: JobQueue, jobId: string, error: unknown) {
    if (queue === DEAD_LETTER_QUEUE) return;
    const report: FailedJobReport = { queue, jobId, error: error instanceof Error ? error.message : String(error) };
    await boss.send(DEAD_LETTER_QUEUE, report, { ...retryOptions(DEAD_LETTER_QUEUE), singletonKey: jobId });
  }

  function retryOptions(queue: JobQueue) {
    const settings = settingsOf(queue);
    return { retryLimit: settings.retryLimit, retryDelay: settings.retryDelaySeconds, retryBackoff: true, expireInSeconds: settings.expireInSeconds };
  }

  async function work(queue: JobQueue, handler: JobHandler) {
    await boss.work<Record<string, unknown>>(
      queue,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        try {
          await handler({ id: job.id, queue, data: job.data ?? {} });
        } catch (error) {
          if (job.retryCount >= job.retryLimit) await reportFinalFailure(queue, job.id, error);
          throw error;
        }
      },
    );
  }

  return {
    kind: "pg-boss",
    async start(handlers: JobHandlers) {
      await boss.start();
      // Instances starting together on one database would create the same queues at once, and
      // pg-boss's create_queue deadlocks on that: the set-up runs one instance at a time.
      await withStartupLock(async () => {
        for (const queue of JOB_QUEUES) {
          const existing = await boss.getQueue(queue);
          if (existing) await boss.updateQueue(queue, { name: queue, policy: "short", ...retryOptions(queue) });
          else await boss.createQueue(queue, { name: queue, policy: "short", ...retryOptions(queue) });
        }
        for (const queue of JOB_QUEUES) {
          const settings = settingsOf(queue);
          if (settings.schedule) await boss.schedule(queue, cronOf(settings.schedule), {}, { tz: SCHEDULE_TIME_ZONE, ...retryOptions(queue) });
          // One catch-up per queue per hour, whichever instance starts first.
          if (settings.catchUpAtStart) await boss.send(queue, {}, { ...retryOptions(queue), singletonKey: "catch-up", singletonSeconds: 60 * 60 });
        }
      });
      for (const queue of JOB_QUEUES) {
        const handler = handlers[queue];
        if (handler) await work(queue, handler);
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async send(queue, data = {}, sendOptions: SendOptions = {}) {
      return boss.send(queue, data, {
        ...retryOptions(queue),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.singletonSeconds ? { singletonSeconds: sendOptions.singletonSeconds } : {}),
        ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
      });
    },
    async overview() {
      const { rows } = await db().executeSql(`select name, state, count(*)::int as count from ${PG_BOSS_SCHEMA}.job group by name, state`, []);
      const schedules = await boss.getSchedules();
      const queues = JOB_QUEUES.map((queue): QueueOverview => {
        const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
        for (const row of z.array(countRowSchema).parse(rows)) if (row.name === queue && isJobState(row.state)) counts[row.state] = row.count;
        return { queue, counts, cron: schedules.find((schedule) => schedule.name === queue)?.cron ?? null };
      });
      const failed = await db().executeSql(
        `select id, name, state, retry_count, created_on, completed_on, output from ${PG_BOSS_SCHEMA}.job where state in ('failed', 'retry') order by coalesce(completed_on, created_on) desc limit $1`,
        [FAILED_LISTED],
      );
      const lag = await db().executeSql(
        `select coalesce(extract(epoch from now() - min(start_after)), 0)::float8 as lag from ${PG_BOSS_SCHEMA}.job where state in ('created', 'retry') and start_after < now()`,
        [],
      );
      const queueLagSeconds = Math.round(z.object({ lag: z.number() }).parse(lag.rows[0]).lag);
      return { runner: "pg-boss", queues, queueLagSeconds, failing: z.array(jobRowSchema).parse(failed.rows).map(summaryOf).filter((job) => job !== null) };
    },
    async findJob(queue, id) {
      const { rows } = await db().executeSql(
        `select id, name, state, retry_count, created_on, completed_on, output from ${PG_BOSS_SCHEMA}.job where name = $1 and id = $2::uuid`,
        [queue, id],
      );
      return rows[0] ? summaryOf(jobRowSchema.parse(rows[0])) : null;
    },
    async retry(queue, id) {
      await boss.retry(queue, id);
    },
    async cancel(queue, id) {
      await boss.cancel(queue, id);
    },
  };
}
