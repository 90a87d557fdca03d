/**
 * Fresh, throw-away PostgreSQL databases for test runs. The server is the one
 * in DATABASE_URL (CI) or the local 127.0.0.1:5432; only databases created
 * here are dropped.
 */
import crypto from "node:crypto";
import { Client } from "pg";

const LOCAL_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

function adminUrl(): string {
  return process.env.DATABASE_URL || LOCAL_SERVER;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function postgresReachable(): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function dropTestDatabase(name: string, serverUrl = adminUrl()): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

export async function createTestDatabase(prefix: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  // Captured now: callers point DATABASE_URL at the new database afterwards.
  const serverUrl = adminUrl();
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => dropTestDatabase(name, serverUrl),
  };
}
