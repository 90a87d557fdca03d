import "server-only";
import { count, inArray, min } from "drizzle-orm";
import { checkReadReplica, databaseKind, db, pingPrimary } from "@/db";
import { evidenceFiles } from "@/db/schema";
import { objectStorage } from "@/lib/storage";
import { clamdAddressFromEnv, malwareScannerConfigured, pingClamd } from "@/lib/storage/clamd";
import { runProbe, type ServiceHealth, type ServiceProbe } from "@/lib/service-health";

const TIMEOUT_MS = 3_000;
/** A replica replaying transactions more than this far behind the primary is reported degraded. */
const REPLICA_LAG_DEGRADED_SECONDS = 60;

/** The primary database: the one dependency without which nothing works. */
async function checkPrimary(): Promise<ServiceHealth> {
  const started = performance.now();
  const reachable = await pingPrimary(TIMEOUT_MS);
  if (!reachable) return { status: "degraded", kind: databaseKind(), reachable: false };
  return { status: "ok", kind: databaseKind(), reachable: true, latencyMs: Math.round(performance.now() - started) };
}

async function checkReplica(): Promise<ServiceHealth> {
  const replica = await checkReadReplica(TIMEOUT_MS);
  if (!replica.configured) return { status: "not_configured", readsFrom: "primary" };
  if (!replica.reachable) return { status: "degraded", reachable: false, readsFrom: "primary" };
  const lagging = replica.lagSeconds !== null && replica.lagSeconds > REPLICA_LAG_DEGRADED_SECONDS;
  return { status: lagging ? "degraded" : "ok", reachable: true, lagSeconds: replica.lagSeconds, readsFrom: "replica" };
}

async function checkStorage(): Promise<ServiceHealth> {
  const storage = objectStorage();
  try {
    await storage.check();
    return { status: "ok", kind: storage.kind };
  } catch {
    return { status: "degraded", kind: storage.kind };
  }
}

/** A file waiting longer than this for its scan means the scanner or the scan job is stuck. */
const SCAN_STUCK_AFTER_SECONDS = 15 * 60;

/**
 * The malware scanner (CLAMAV_SOCKET): not configured without one; otherwise clamd must answer
 * PING and no file may have waited for its verdict longer than 15 minutes. `waiting` counts the
 * files held (pending or retried after a failed scan).
 */
async function checkMalwareScanner(): Promise<ServiceHealth> {
  if (!malwareScannerConfigured()) return { status: "not_configured" };
  const [backlog] = await db
    .select({ waiting: count(), oldest: min(evidenceFiles.createdAt) })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.scanStatus, ["pending", "scan_failed"]));
  const waitedSeconds = backlog.oldest ? Math.max(0, Math.round((Date.now() - backlog.oldest.getTime()) / 1000)) : 0;
  let reachable = true;
  try {
    const address = clamdAddressFromEnv();
    if (address) await pingClamd(address, TIMEOUT_MS);
  } catch {
    reachable = false;
  }
  const status = reachable && waitedSeconds <= SCAN_STUCK_AFTER_SECONDS ? "ok" : "degraded";
  return { status, reachable, waiting: backlog.waiting, queueLagSeconds: waitedSeconds };
}

/** Probes offered by services that live above this layer (jobs, mail); see app/api/health. */
export type ExternalProbes = { jobs: ServiceProbe; mail: ServiceProbe };

type HealthReport = {
  status: "ok" | "degraded" | "unavailable";
  database: ServiceHealth;
  readReplica: ServiceHealth;
  storage: ServiceHealth;
  jobs: ServiceHealth;
  mail: ServiceHealth;
  malwareScanner: ServiceHealth;
};

/**
 * Public health report: each service ok, degraded or not configured, checked concurrently within
 * a few seconds. "unavailable" only when the primary database does not answer; any other service
 * in trouble makes the whole "degraded" — the portal still serves, with that part impaired.
 * Statuses and figures only, never error messages or addresses.
 */
export async function healthReport(external: ExternalProbes): Promise<HealthReport> {
  const [database, readReplica, storage, jobs, mail, malwareScanner] = await Promise.all([
    runProbe(checkPrimary, TIMEOUT_MS + 500),
    runProbe(checkReplica, TIMEOUT_MS + 500),
    runProbe(checkStorage, TIMEOUT_MS),
    runProbe(external.jobs, TIMEOUT_MS),
    runProbe(external.mail, TIMEOUT_MS),
    runProbe(checkMalwareScanner, TIMEOUT_MS + 500),
  ]);
  const status =
    database.status !== "ok" ? "unavailable" : [readReplica, storage, jobs, mail, malwareScanner].some((service) => service.status === "degraded") ? "degraded" : "ok";
  return { status, database, readReplica, storage, jobs, mail, malwareScanner };
}
