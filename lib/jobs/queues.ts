/**
 * The queue registry: every background job the platform runs, with its retry policy and, for
 * the scheduled ones, when it runs. Both runners (pg-boss, in-process) read it, so a queue
 * behaves the same in production and in the demo.
 */

/** When a scheduled queue runs: every minute, or once a day at a time of day in Asia/Shanghai. */
type JobSchedule = { every: "minute" } | { daily: { hour: number; minute: number } };

type QueueSettings = {
  /** Attempts after the first before the job counts as failed (and the admin is told). */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each further one (exponential backoff). */
  retryDelaySeconds: number;
  /** A job still running after this long is taken as lost and retried. */
  expireInSeconds: number;
  schedule?: JobSchedule;
  /** Also run once when a runner starts, so a day missed while no instance ran is made up. */
  catchUpAtStart?: boolean;
};

export const SCHEDULE_TIME_ZONE = "Asia/Shanghai";

/** Where a job that failed its last retry goes: its handler tells the admins. */
export const DEAD_LETTER_QUEUE = "job-failed";

const JOB_QUEUE_SETTINGS = {
  // Replies to partners' PACT requests. A request wakes it at once; the minutely run picks up the
  // replies whose own retry (pact_event_deliveries, 72 hours of backoff) has come.
  "pact-event-delivery": { retryLimit: 5, retryDelaySeconds: 10, expireInSeconds: 15 * 60, schedule: { every: "minute" } },
  // Stores `expired` on certificates whose validity ended yesterday (reads guard by date meanwhile).
  "certificate-expiry": { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 30 * 60, schedule: { daily: { hour: 0, minute: 5 } }, catchUpAtStart: true },
  // Footprint requests still pending or accepted after their due date (Shanghai) become expired, both sides told.
  "supply-request-expiry": { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 30 * 60, schedule: { daily: { hour: 0, minute: 10 } }, catchUpAtStart: true },
  // Expiry, surveillance, stage-wait and footprint-request due-date reminders, each sent once (sent_reminders).
  reminders: { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 30 * 60, schedule: { daily: { hour: 8, minute: 0 } }, catchUpAtStart: true },
  // Verifies every region's audit chains and alerts its regulators to a break.
  "audit-chain-verification": { retryLimit: 3, retryDelaySeconds: 300, expireInSeconds: 2 * 60 * 60, schedule: { daily: { hour: 2, minute: 30 } } },
  // Outgoing email: a commit that queued mail wakes it at once; the minutely run sends retries whose backoff has passed.
  "mail-delivery": { retryLimit: 5, retryDelaySeconds: 10, expireInSeconds: 15 * 60, schedule: { every: "minute" } },
  // Yesterday's digest for everyone who chose one (idempotent per user and day).
  "mail-digest": { retryLimit: 5, retryDelaySeconds: 60, expireInSeconds: 30 * 60, schedule: { daily: { hour: 7, minute: 0 } }, catchUpAtStart: true },
  // Customers' lines priced with a supplier certificate that was suspended, withdrawn or expired: flagged once per change.
  "supplier-footprint-flags": { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 15 * 60, schedule: { every: "minute" } },
  // Impact of a new factor version on certificates in force (factor_impact_runs): the regulator's commit wakes it,
  // the minutely run takes up a run whose wake-up was lost or whose runner died (its lease lapsed).
  "factor-impact": { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 15 * 60, schedule: { every: "minute" } },
  // Uploaded evidence held as "pending scan" goes through ClamAV (CLAMAV_SOCKET): an upload wakes it
  // at once; the minutely run retries files whose scan failed (clamd down or slow).
  "evidence-scan": { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 15 * 60, schedule: { every: "minute" } },
  [DEAD_LETTER_QUEUE]: { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 5 * 60 },
} as const satisfies Record<string, QueueSettings>;

export type JobQueue = keyof typeof JOB_QUEUE_SETTINGS;

export const JOB_QUEUES = Object.keys(JOB_QUEUE_SETTINGS) as JobQueue[];

export function settingsOf(queue: JobQueue): QueueSettings {
  return JOB_QUEUE_SETTINGS[queue];
}

export function isJobQueue(value: string): value is JobQueue {
  return Object.hasOwn(JOB_QUEUE_SETTINGS, value);
}

/** The schedule as a cron expression (read in SCHEDULE_TIME_ZONE), as pg-boss stores it. */
export function cronOf(schedule: JobSchedule): string {
  return "every" in schedule ? "* * * * *" : `${schedule.daily.minute} ${schedule.daily.hour} * * *`;
}

/** Shanghai keeps UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The first moment strictly after `now` at which the schedule falls due. */
export function nextRunAfter(schedule: JobSchedule, now: Date): Date {
  if ("every" in schedule) return new Date((Math.floor(now.getTime() / 60_000) + 1) * 60_000);
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const candidate = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), schedule.daily.hour, schedule.daily.minute) - SHANGHAI_OFFSET_MS;
  return new Date(candidate > now.getTime() ? candidate : candidate + 24 * 60 * 60 * 1000);
}

/** Seconds before retry `retryCount` (0 = the first retry) with exponential backoff. */
export function retryDelayOf(settings: QueueSettings, retryCount: number): number {
  return settings.retryDelaySeconds * 2 ** retryCount;
}
