import "server-only";
import crypto from "node:crypto";
import { cronOf, DEAD_LETTER_QUEUE, JOB_QUEUES, nextRunAfter, retryDelayOf, settingsOf, type JobQueue } from "./queues";
import { JOB_STATES, type FailedJobReport, type JobHandlers, type JobRunner, type JobState, type JobSummary, type QueueOverview, type SendOptions } from "./runner";

type StoredJob = JobSummary & { data: Record<string, unknown>; startAfter: number; singletonKey: string | null; singletonSlot: number | null };

/** Finished jobs kept for the admin page; older ones are forgotten (the demo runs for days). */
const FINISHED_KEPT = 500;
const TICK_MS = 1_000;

/**
 * The job system of the embedded demo (no DATABASE_URL): the same queues, schedules, retries
 * with backoff and singleton keys as pg-boss, in this process's memory. One process serves the
 * demo, so there is nobody to share the work with; jobs waiting at a restart are lost, and the
 * catch-up runs at start make up the scheduled ones.
 */
export function inProcessRunner(options: { now?: () => number; tickMs?: number } = {}): JobRunner {
  const now = options.now ?? Date.now;
  const jobs = new Map<string, StoredJob>();
  const busy = new Set<JobQueue>();
  const timers: NodeJS.Timeout[] = [];
  let handlers: JobHandlers = {};

  function send(queue: JobQueue, data: Record<string, unknown> = {}, sendOptions: SendOptions = {}): string | null {
    const key = sendOptions.singletonKey ?? null;
    const slot = key && sendOptions.singletonSeconds ? Math.floor(now() / (sendOptions.singletonSeconds * 1000)) : null;
    for (const job of jobs.values()) {
      if (job.queue !== queue || job.singletonKey !== key) continue;
      if (slot !== null ? job.singletonSlot === slot && job.state !== "cancelled" : job.state === "created") return null;
    }
    const id = crypto.randomUUID();
    jobs.set(id, {
      id,
      queue,
      state: "created",
      retryCount: 0,
      createdOn: new Date(now()),
      completedOn: null,
      error: null,
      data,
      startAfter: now() + (sendOptions.startAfterSeconds ?? 0) * 1000,
      singletonKey: key,
      singletonSlot: slot,
    });
    setImmediate(() => void drain(queue));
    return id;
  }

  function forgetOldFinished() {
    const finished = [...jobs.values()].filter((job) => job.completedOn && job.state !== "failed");
    for (const job of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) jobs.delete(job.id);
  }

  async function runOne(job: StoredJob) {
    const handler = handlers[job.queue];
    if (!handler) return;
    job.state = "active";
    // An admin may cancel the job while its handler runs: its outcome is then not recorded.
    const cancelled = () => job.state === "cancelled";
    try {
      await handler({ id: job.id, queue: job.queue, data: job.data });
      if (cancelled()) return;
      job.state = "completed";
      job.completedOn = new Date(now());
      job.error = null;
    } catch (error) {
      if (cancelled()) return;
      const settings = settingsOf(job.queue);
      job.error = error instanceof Error ? error.message : String(error);
      if (job.retryCount < settings.retryLimit) {
        job.startAfter = now() + retryDelayOf(settings, job.retryCount) * 1000;
        job.retryCount++;
        job.state = "retry";
      } else {
        job.state = "failed";
        job.completedOn = new Date(now());
        if (job.queue !== DEAD_LETTER_QUEUE) {
          const report: FailedJobReport = { queue: job.queue, jobId: job.id, error: job.error };
          send(DEAD_LETTER_QUEUE, report, { singletonKey: job.id });
        }
      }
    }
  }

  /** Runs the queue's due jobs one after another; one drain per queue at a time. */
  async function drain(queue: JobQueue) {
    if (busy.has(queue) || !handlers[queue]) return;
    busy.add(queue);
    try {
      for (;;) {
        const due = [...jobs.values()].find((job) => job.queue === queue && (job.state === "created" || job.state === "retry") && job.startAfter <= now());
        if (!due) break;
        await runOne(due);
      }
    } catch (error) {
      console.error(`[jobs] ${queue}:`, error);
    } finally {
      busy.delete(queue);
      forgetOldFinished();
    }
  }

  function scheduleNext(queue: JobQueue) {
    const schedule = settingsOf(queue).schedule;
    if (!schedule) return;
    const at = nextRunAfter(schedule, new Date(now()));
    const timer = setTimeout(() => {
      send(queue, {}, { singletonKey: `schedule:${at.toISOString()}` });
      scheduleNext(queue);
    }, Math.max(0, at.getTime() - now()));
    timer.unref();
    timers.push(timer);
  }

  function summaryOf(job: StoredJob): JobSummary {
    return { id: job.id, queue: job.queue, state: job.state, retryCount: job.retryCount, createdOn: job.createdOn, completedOn: job.completedOn, error: job.error };
  }

  return {
    kind: "in-process",
    async start(registered: JobHandlers) {
      handlers = registered;
      for (const queue of JOB_QUEUES) {
        scheduleNext(queue);
        if (settingsOf(queue).catchUpAtStart) send(queue, {}, { singletonKey: "catch-up", singletonSeconds: 60 * 60 });
      }
      // Retries fall due while nothing is sent: look for them every tick.
      const ticker = setInterval(() => {
        for (const queue of JOB_QUEUES) void drain(queue);
      }, options.tickMs ?? TICK_MS);
      ticker.unref();
      timers.push(ticker);
    },
    async stop() {
      for (const timer of timers.splice(0)) clearTimeout(timer);
      handlers = {};
    },
    async send(queue, data, sendOptions) {
      return send(queue, data, sendOptions);
    },
    async overview() {
      const queues = JOB_QUEUES.map((queue): QueueOverview => {
        const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
        for (const job of jobs.values()) if (job.queue === queue) counts[job.state]++;
        const schedule = settingsOf(queue).schedule;
        return { queue, counts, cron: schedule ? cronOf(schedule) : null };
      });
      const failing = [...jobs.values()].filter((job) => job.state === "failed" || (job.state === "retry" && job.error !== null)).reverse().slice(0, 50).map(summaryOf);
      const due = [...jobs.values()].filter((job) => (job.state === "created" || job.state === "retry") && job.startAfter < now());
      const queueLagSeconds = due.length ? Math.round((now() - Math.min(...due.map((job) => job.startAfter))) / 1000) : 0;
      return { runner: "in-process", queues, failing, queueLagSeconds };
    },
    async findJob(queue, id) {
      const job = jobs.get(id);
      return job && job.queue === queue ? summaryOf(job) : null;
    },
    async retry(queue, id) {
      const job = jobs.get(id);
      if (!job || job.queue !== queue || job.state !== "failed") return;
      job.state = "retry";
      job.completedOn = null;
      job.startAfter = now();
      setImmediate(() => void drain(queue));
    },
    async cancel(queue, id) {
      const job = jobs.get(id);
      if (!job || job.queue !== queue || !["created", "retry", "active"].includes(job.state)) return;
      job.state = "cancelled";
      job.completedOn = new Date(now());
    },
  };
}
