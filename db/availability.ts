/**
 * Whether the primary database is reachable, as this process last saw it. The connection pool
 * reports failures and successes here (db/index.ts); the proxy (proxy.ts) answers 503 with
 * `Retry-After` while the database is down instead of letting every request fail with a 500, and
 * probes it so the service recovers by itself. This module holds state only — no driver — so the
 * proxy can import it cheaply. The state lives on globalThis: the proxy, route handlers and server
 * components are separate bundles in one process and must see the same answer.
 */

/** Seconds a client is told to wait before retrying while the database is down. */
export const RETRY_AFTER_SECONDS = 5;
/** At most one probe per interval while down, however many requests arrive. */
const PROBE_INTERVAL_MS = 1_000;

type AvailabilityState = {
  downSince: number | null;
  lastProbeAt: number;
  probing: boolean;
  probe: (() => Promise<void>) | null;
};

const globalState = globalThis as unknown as { carbonlabelDatabaseAvailability?: AvailabilityState };

function state(): AvailabilityState {
  globalState.carbonlabelDatabaseAvailability ??= { downSince: null, lastProbeAt: 0, probing: false, probe: null };
  return globalState.carbonlabelDatabaseAvailability;
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the server is not reachable or not accepting work". */
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, in recovery)
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** Messages of pg and pg-pool for a lost or never established connection (they carry no code). */
const CONNECTION_ERROR_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
];

/** True when `error` (or what it wraps, e.g. a drizzle query error) is a lost or refused connection. */
export function isConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
    if (typeof message === "string" && CONNECTION_ERROR_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = cause;
  }
  return false;
}

/** The pool saw `error`; a connection failure marks the database down. Returns whether it did. */
export function noteDatabaseFailure(error: unknown): boolean {
  if (!isConnectionError(error)) return false;
  const current = state();
  if (current.downSince === null) {
    current.downSince = Date.now();
    console.error("[db] primary database unreachable; answering 503 until it is back:", (error as Error).message);
  }
  return true;
}

/** The pool reached the database: it is up again. */
export function noteDatabaseReachable(): void {
  const current = state();
  if (current.downSince === null) return;
  console.log(`[db] primary database reachable again after ${Math.round((Date.now() - current.downSince) / 1000)} s`);
  current.downSince = null;
}

/** The pool registers how to check the database (a `select 1`); without one nothing is gated. */
export function registerDatabaseProbe(probe: () => Promise<void>): void {
  state().probe = probe;
}

/**
 * Waits until the database answers again, probing it, for at most `timeoutMs`; true once it does.
 * For work already under way when the database went away (see RIDE_THROUGH_MS in db/index.ts).
 */
export async function waitForDatabase(timeoutMs: number): Promise<boolean> {
  const current = state();
  const deadline = Date.now() + timeoutMs;
  while (current.downSince !== null) {
    if (!current.probe || Date.now() >= deadline) return false;
    await (probeIfDue(current) ?? new Promise((resolve) => setTimeout(resolve, 100)));
  }
  return true;
}

/** While the database is down, a request waits this long for a probe it started before answering 503. */
const PROBE_WAIT_MS = 500;

/** Starts a probe unless one is running or one ran within the interval; its promise, or null. */
function probeIfDue(current: AvailabilityState): Promise<void> | null {
  if (!current.probe || current.probing || Date.now() - current.lastProbeAt < PROBE_INTERVAL_MS) return null;
  current.probing = true;
  current.lastProbeAt = Date.now();
  return current
    .probe()
    .then(noteDatabaseReachable, (error: unknown) => {
      noteDatabaseFailure(error);
    })
    .finally(() => {
      current.probing = false;
    });
}

/**
 * Null while the database is believed up; while it is down, how long to tell clients to wait.
 * A request arriving while the database is down probes it (at most once a second, waiting at most
 * half a second), so the first request after the database returns already gets through.
 */
export async function databaseOutage(): Promise<{ retryAfterSeconds: number } | null> {
  const current = state();
  if (current.downSince === null) return null;
  const probe = probeIfDue(current);
  if (probe) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([probe, new Promise((resolve) => (timer = setTimeout(resolve, PROBE_WAIT_MS)))]);
    clearTimeout(timer);
  }
  return current.downSince === null ? null : { retryAfterSeconds: RETRY_AFTER_SECONDS };
}
