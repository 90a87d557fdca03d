/**
 * Chooses the database driver: `DATABASE_URL` → PostgreSQL through a `pg`
 * pool; otherwise embedded PGlite under `./.data` (one process per data dir).
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction: domain functions accept both. */
export type DbOrTx = Db | Tx;

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { carbonlabelDb?: Handle };

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || ".data");
}

function open(): Handle {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new Pool({
      connectionString: url,
      max: Number(process.env.DB_POOL_MAX || 10),
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (database restart) must not crash the server.
    pool.on("error", (error) => {
      console.error("[db] idle PostgreSQL client error:", error.message);
    });
    return { db: drizzlePg(pool, { schema }), kind: "postgres", close: () => pool.end() };
  }
  const dir = path.join(dataDir(), "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
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

export async function closeDb(): Promise<void> {
  const current = globalForDb.carbonlabelDb;
  globalForDb.carbonlabelDb = undefined;
  await current?.close();
}

export { schema };
