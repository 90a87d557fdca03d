/**
 * Chooses the database driver: `DATABASE_URL` → PostgreSQL through a `pg`
 * pool; otherwise embedded PGlite under `./.data` (one process per data dir).
 * `DATABASE_READ_URL` adds a read replica for dashboards (`readReplica`).
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { withReplicas } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool, type PoolClient, type PoolConfig, type QueryResult } from "pg";
import {
  isConnectionError,
  noteDatabaseFailure,
  noteDatabaseReachable,
  registerDatabaseProbe,
  waitForDatabase,
} from "./availability";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: domain functions accept both. */
export type DbOrTx = Db | Tx;

type Replica = { db: Db; pool: Pool; unusableUntil: number };
type Handle = {
  db: Db;
  kind: "postgres" | "pglite";
  pool: Pool | null;
  replica: Replica | null;
  close: () => Promise<void>;
};

const globalForDb = globalThis as unknown as { carbonlabelDb?: Handle };

/** After a replica fails, dashboards read from the primary for this long before trying it again. */
const REPLICA_RETRY_MS = 30_000;

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * How long work already under way when the database goes away (a restart, a failover) waits for
 * it to come back before failing. New requests meanwhile get a quick 503 from the proxy; only
 * what was in flight waits, and only where running it again is safe: getting a connection
 * (nothing has been sent yet) and a lone SELECT outside a transaction.
 */
const RIDE_THROUGH_MS = 10_000;

/** A single SELECT: reads nothing but can be sent again. (A WITH may hide a data-modifying CTE.) */
function isPlainSelect(query: unknown): boolean {
  const text = typeof query === "string" ? query : (query as { text?: unknown } | null)?.text;
  return typeof text === "string" && /^\s*select\b/i.test(text);
}

/**
 * A pool that tells db/availability whether the database answers: a refused or lost connection
 * marks it down (the proxy then answers 503), the next successful connection marks it up. Getting
 * a connection and lone SELECTs ride through a short outage (RIDE_THROUGH_MS). `pool.query` goes
 * through the callback form of `connect`, transactions through the promise form.
 */
class ObservedPool extends Pool {
  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (!callback) return this.connectRidingThrough();
    super.connect((error, client, done) => {
      if (error) noteDatabaseFailure(error);
      else noteDatabaseReachable();
      callback(error, client, done);
    });
  }

  private async connectRidingThrough(): Promise<PoolClient> {
    try {
      const client = await super.connect();
      noteDatabaseReachable();
      return client;
    } catch (error) {
      if (!noteDatabaseFailure(error) || !(await waitForDatabase(RIDE_THROUGH_MS))) throw error;
      return super.connect();
    }
  }

  // Overloaded in pg's types; drizzle calls the (config, values) promise form.
  override query(...args: never[]): never {
    const run = () => (super.query as (...queryArgs: unknown[]) => unknown).apply(this, args);
    if (typeof args.at(-1) === "function" || !isPlainSelect(args[0])) return run() as never;
    return (run() as Promise<QueryResult>).catch(async (error: unknown) => {
      if (!noteDatabaseFailure(error) || !(await waitForDatabase(RIDE_THROUGH_MS))) throw error;
      return run();
    }) as never;
  }

  /** `select 1` on a fresh checkout, without riding through: the availability probe itself. */
  async ping(): Promise<void> {
    const client = await super.connect();
    try {
      await client.query("select 1");
      client.release();
    } catch (error) {
      // A client that failed is discarded, not returned to the pool.
      client.release(true);
      throw error;
    }
  }
}

function poolConfig(connectionString: string): PoolConfig {
  return {
    connectionString,
    max: Number(process.env.DB_POOL_MAX || 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  };
}

function openReplica(primary: Db): Replica | null {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return null;
  const pool = new Pool(poolConfig(url));
  pool.on("error", (error) => console.error("[db] idle read-replica client error:", error.message));
  const replicaDb = drizzlePg(pool, { schema });
  // withReplicas routes query-builder reads to the replica and writes to the primary. Dashboards
  // send aggregate SQL through `execute`, which it keeps on the primary because raw SQL might
  // write; readReplica only ever runs reads, so `execute` follows the replica here too.
  const reader = withReplicas(primary, [replicaDb]);
  reader.execute = replicaDb.execute.bind(replicaDb);
  return { db: reader, pool, unusableUntil: 0 };
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new ObservedPool(poolConfig(url));
    // An idle client losing its connection (database restart) must not crash the server; it is
    // also the first sign of an outage.
    pool.on("error", (error) => {
      if (!noteDatabaseFailure(error)) console.error("[db] idle PostgreSQL client error:", error.message);
    });
    registerDatabaseProbe(() => pool.ping());
    const primary = drizzlePg(pool, { schema });
    const replica = openReplica(primary);
    return {
      db: primary,
      kind: "postgres",
      pool,
      replica,
      close: async () => {
        await Promise.all([pool.end(), replica?.pool.end()]);
      },
    };
  }
  const dir = path.join(dataDir(), "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", pool: null, replica: null, close: () => client.close() };
}

function handle(): Handle {
  globalForDb.carbonlabelDb ??= open();
  return globalForDb.carbonlabelDb;
}

/** The process-wide database, opened on first use. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = handle().db as unknown as Record<string | symbol, unknown>;
    const value = target[property];
    return typeof value === "function" ? value.bind(target) : value;
  },
});

export function databaseKind(): Handle["kind"] {
  return handle().kind;
}

/**
 * Runs read-only queries that may lag a moment behind the primary (the regulator's dashboards and
 * their export) on the read replica of `DATABASE_READ_URL`. Without a replica, or while it does
 * not answer, they run on the primary: a replica outage slows dashboards, it does not break them.
 */
export async function readReplica<T>(read: (reader: Db) => Promise<T>): Promise<T> {
  const { db: primary, replica } = handle();
  if (!replica || Date.now() < replica.unusableUntil) return read(primary);
  try {
    return await read(replica.db);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    replica.unusableUntil = Date.now() + REPLICA_RETRY_MS;
    console.error(`[db] read replica unreachable; reading from the primary for ${REPLICA_RETRY_MS / 1000} s:`, (error as Error).message);
    return read(primary);
  }
}

type ReplicaState =
  | { configured: false }
  | { configured: true; reachable: false }
  | { configured: true; reachable: true; lagSeconds: number | null };

/**
 * Whether the replica answers, and how far behind the primary it replays (null when the server is
 * not in recovery, i.e. not a streaming standby, or has replayed nothing yet).
 */
export async function checkReadReplica(timeoutMs: number): Promise<ReplicaState> {
  const { replica } = handle();
  if (!replica) return { configured: false };
  const client = await withTimeout(replica.pool.connect(), timeoutMs).catch(() => null);
  if (!client) return { configured: true, reachable: false };
  try {
    const { rows } = await withTimeout(
      client.query<{ lag: number | null }>(
        "select case when pg_is_in_recovery() then extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 end as lag",
      ),
      timeoutMs,
    );
    const lag = rows[0]?.lag;
    if (replica.unusableUntil > 0) replica.unusableUntil = 0;
    return { configured: true, reachable: true, lagSeconds: lag === null || lag === undefined ? null : Math.max(0, lag) };
  } catch {
    return { configured: true, reachable: false };
  } finally {
    client.release();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Is the primary answering a trivial query within `timeoutMs`? */
export async function pingPrimary(timeoutMs: number): Promise<boolean> {
  try {
    await withTimeout(db.execute(sql`select 1`), timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** Any fixed number: the key of the advisory lock that serializes start-up across instances. */
const STARTUP_LOCK = 7_263_511;

/**
 * Runs `work` (migrations, reference data, the demo seed) while holding a PostgreSQL advisory
 * lock, so instances starting at the same time on one database take turns instead of applying
 * the same migration twice. The lock lives on one dedicated connection; `work` uses the pool.
 */
export async function withStartupLock<T>(work: () => Promise<T>): Promise<T> {
  const { pool } = handle();
  if (!pool) return work();
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK]);
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK]);
    }
  } finally {
    client.release();
  }
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.carbonlabelDb;
  globalForDb.carbonlabelDb = undefined;
  await current?.close();
}

export { schema };
