import type { JobQueue } from "./queues";

/** One job as its handler sees it. */
export type JobContext = { id: string; queue: JobQueue; data: Record<string, unknown> };

/** Does the job's work; throwing fails this attempt (retried with backoff while retries are left). */
export type JobHandler = (job: JobContext) => Promise<void>;

export type JobHandlers = Partial<Record<JobQueue, JobHandler>>;

export type SendOptions = {
  /**
   * At most one job of the queue with this key (or, without one, with no key) waits to start at
   * a time: a second send while one waits is dropped (pg-boss's `short` queue policy).
   */
  singletonKey?: string;
  /** With `singletonKey`: one job per key per time slot of this many seconds, whatever its state. */
  singletonSeconds?: number;
  startAfterSeconds?: number;
};

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export type QueueOverview = {
  queue: JobQueue;
  counts: Record<JobState, number>;
  /** The schedule as a cron expression in Asia/Shanghai, if the queue is scheduled. */
  cron: string | null;
};

export type JobSummary = {
  id: string;
  queue: JobQueue;
  state: JobState;
  retryCount: number;
  createdOn: Date;
  completedOn: Date | null;
  /** The error of the last attempt, as the runner stored it. */
  error: string | null;
};

/** `failing`: the failed jobs and those waiting to retry after a failure, newest first. */
export type JobsOverview = {
  runner: JobRunner["kind"];
  queues: QueueOverview[];
  failing: JobSummary[];
  /** How long the oldest job that could run has waited (seconds; 0 when none waits). */
  queueLagSeconds: number;
};

/**
 * The job system as the platform uses it, whichever engine runs it: pg-boss on PostgreSQL, or
 * an in-process runner for the embedded demo. `start` creates the queues, registers the
 * handlers and the schedules of the registry (./queues.ts) and sends the catch-up runs.
 */
export type JobRunner = {
  kind: "pg-boss" | "in-process";
  start(handlers: JobHandlers): Promise<void>;
  stop(): Promise<void>;
  /** Queues a job; null when a singleton key made it a duplicate. */
  send(queue: JobQueue, data?: Record<string, unknown>, options?: SendOptions): Promise<string | null>;
  overview(): Promise<JobsOverview>;
  findJob(queue: JobQueue, id: string): Promise<JobSummary | null>;
  /** A failed (or cancelled) job runs again. */
  retry(queue: JobQueue, id: string): Promise<void>;
  /** A waiting or running job is given up. */
  cancel(queue: JobQueue, id: string): Promise<void>;
};

/** What a job that failed its last retry hands to the dead-letter queue. */
export type FailedJobReport = { queue: string; jobId: string; error: string };
