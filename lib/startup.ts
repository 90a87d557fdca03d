import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, db, databaseKind, withStartupLock } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { publicBaseUrlProblem } from "@/lib/credentials/platform-base-url";
import { issueMissingCredentials } from "@/lib/domain/credentials/issue-missing-credentials";
import { frontCachePurgeUrls } from "@/lib/front-cache/ban";
import { issueMissingFootprints } from "@/lib/domain/footprints/issue-missing-footprints";
import { executeOperation } from "@/lib/domain/operation";
import { ensureKeyEncryptionKey } from "@/lib/keys/key-encryption";
import { systemActor } from "@/lib/policy";
import { demoLoginsText } from "@/lib/seed/demo-accounts";
import { isDatabaseEmpty, seedDemoPilot } from "@/lib/seed/demo";
import { seedDemoWorkflow } from "@/lib/seed/demo-workflow";
import { seedReferenceData } from "@/lib/seed/reference-data";

/** Demo mode = the embedded database; a real PostgreSQL means production mode. */
function isDemoMode(): boolean {
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
 * Signed credentials need the key-encryption key and the public base URL: production mode
 * without either refuses to start; demo mode generates the key under ./.data and warns.
 */
export function ensureCredentialSettings(): void {
  const production = !isDemoMode() && process.env.NODE_ENV === "production";
  const baseUrl = publicBaseUrlProblem(process.env, production);
  if (baseUrl.error) throw new Error(baseUrl.error);
  if (baseUrl.warning) console.warn(`[carbonlabel] ${baseUrl.warning}`);
  ensureKeyEncryptionKey();
}

/** A FRONT_CACHE_PURGE_URLS the status changes could not ban at refuses to start, in any mode. */
export function ensureFrontCacheSettings(): void {
  const { error } = frontCachePurgeUrls(process.env);
  if (error) throw new Error(error);
}

/** Certificates issued before credentials existed (an older database) are signed now, audited. */
async function signMissingCredentials(): Promise<void> {
  const outcome = await executeOperation(issueMissingCredentials, systemActor("credential-backfill"), {});
  if (!outcome.ok) throw outcome.error;
  if (outcome.data.signed > 0) console.log(`[carbonlabel] signed the credentials of ${outcome.data.signed} earlier certificate(s).`);
}

/** Signed certificates issued before the PACT host existed are published as footprints now, audited. */
async function publishMissingFootprints(): Promise<void> {
  const outcome = await executeOperation(issueMissingFootprints, systemActor("footprint-backfill"), {});
  if (!outcome.ok) throw outcome.error;
  if (outcome.data.published > 0) console.log(`[carbonlabel] published ${outcome.data.published} earlier certificate(s) as PACT footprints.`);
}

/**
 * Applies migrations, adds reference data the release brings (categories, GWP,
 * factors; existing rows untouched), loads the demo pilot into an empty
 * database, prints the logins.
 */
export async function prepareDatabase(): Promise<void> {
  // Instances starting together on one database take turns: the first migrates and seeds, the
  // others then find nothing left to do.
  const seedDemo = process.env.SEED_DEMO !== "false";
  await withStartupLock(async () => {
    await migrateDatabase();
    const wasEmpty = await isDatabaseEmpty(db);
    await seedReferenceData(db);
    if (seedDemo && wasEmpty) {
      console.log("[carbonlabel] empty database: loading the Chongqing demo pilot…");
      await seedDemoPilot(db);
      await seedDemoWorkflow(db);
    }
    await signMissingCredentials();
    await publishMissingFootprints();
  });
  console.log(`[carbonlabel] database: ${databaseKind()}${isDemoMode() ? ` (${path.join(dataDir(), "pglite")})` : ""}`);
  if (seedDemo) console.log(demoLoginsText());
}
