import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, postgresReachable } from "./test-database";

/**
 * Integration tests run against a fresh PostgreSQL database (PGlite in a temp
 * dir only when no PostgreSQL answers); migrations are applied once here.
 */
export default async function setup() {
  let teardown: () => Promise<void>;
  if (await postgresReachable()) {
    const database = await createTestDatabase("carbonlabel_it");
    process.env.DATABASE_URL = database.url;
    teardown = database.drop;
    console.log(`[integration] PostgreSQL database ${new URL(database.url).pathname.slice(1)}`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-it-"));
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dir;
    teardown = async () => fs.rmSync(dir, { recursive: true, force: true });
    console.log(`[integration] PGlite in ${dir} (no PostgreSQL reachable)`);
  }
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedReferenceData } = await import("@/lib/seed/reference-data");
  const { db, closeDb } = await import("@/db");
  await migrateDatabase();
  await seedReferenceData(db);
  await closeDb();
  return teardown;
}
