import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, db, databaseKind } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { demoLoginsText } from "@/db/seed/demo-accounts";
import { isDatabaseEmpty, seedDemoPilot } from "@/db/seed/demo";
import { seedDemoWorkflow } from "@/db/seed/demo-workflow";
import { seedReferenceData } from "@/db/seed/reference-data";

/** Demo mode = the embedded database; a real PostgreSQL means production mode. */
export function isDemoMode(): boolean {
  return !process.env.DATABASE_URL;
}

/**
 * Demo mode without AUTH_SECRET: generate one, keep it under ./.data, warn.
 * Production mode without it: refuse to start.
 */
export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  if (!isDemoMode() && process.env.NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is not set. Set it to a random string of at least 32 characters (e.g. `openssl rand -base64 33`) before starting CarbonLabel with DATABASE_URL.",
    );
  }
  const file = path.join(dataDir(), "auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(33).toString("base64"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  console.warn(`[carbonlabel] AUTH_SECRET not set: using the generated secret in ${file} (demo mode only).`);
}

/**
 * Applies migrations, adds reference data the release brings (categories, GWP,
 * factors; existing rows untouched), loads the demo pilot into an empty
 * database, prints the logins.
 */
export async function prepareDatabase(): Promise<void> {
  await migrateDatabase();
  const wasEmpty = await isDatabaseEmpty(db);
  await seedReferenceData(db);
  const seedDemo = process.env.SEED_DEMO !== "false";
  if (seedDemo && wasEmpty) {
    console.log("[carbonlabel] empty database: loading the Chongqing demo pilot…");
    await seedDemoPilot(db);
    await seedDemoWorkflow(db);
  }
  console.log(`[carbonlabel] database: ${databaseKind()}${isDemoMode() ? ` (${path.join(dataDir(), "pglite")})` : ""}`);
  if (seedDemo) console.log(demoLoginsText());
}
