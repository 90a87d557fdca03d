import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { freePort, startOwnPostgres, type OwnPostgres } from "../tests/support/own-postgres";

/**
 * A PostgreSQL server of this test's own (never the shared one) is restarted while clients keep
 * requesting pages and JSON from an instance of the production build pointed at it. Requests
 * during the outage answer 503 with Retry-After, never 500, and the service recovers by itself.
 */
type Sample = { startedAt: number; endedAt: number; path: string; status: number; retryAfter: string | null };

const CLIENTS = 8;
const DIST_DIR = process.env.E2E_DIST_DIR || ".next-e2e";

let postgres: OwnPostgres;
let app: ChildProcess;
let baseUrl: string;
let dataDir: string;
let certificateNumber: string;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  postgres = await startOwnPostgres();
  const admin = new Client({ connectionString: postgres.url() });
  await admin.connect();
  await admin.query("create database carbonlabel");
  await admin.end();

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-e2e-outage-"));
  app = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: postgres.url("carbonlabel"),
      NEXT_DIST_DIR: DIST_DIR,
      DATA_DIR: dataDir,
      AUTH_SECRET: "e2e-outage-secret-for-tests-only-0123456789",
      AUTH_TRUST_HOST: "true",
      // Production mode refuses to start without the origin credentials name and the key that seals signing keys.
      PUBLIC_BASE_URL: baseUrl,
      KEY_ENCRYPTION_KEY: "XjZeVLS1Lxrony4WE1qOSF510Z+on67ux5bJKHlm1j8=",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(async () => (await fetch(`${baseUrl}/api/health`)).ok, "the app on its own database", 240_000);

  const client = new Client({ connectionString: postgres.url("carbonlabel") });
  await client.connect();
  certificateNumber = (await client.query<{ number: string }>("select number from certificates limit 1")).rows[0].number;
  await client.end();
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await postgres?.dispose();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a database restart under load answers 503 with Retry-After, never 500, and recovers by itself", async () => {
  const paths = [
    "/",
    "/registry",
    `/labels/${certificateNumber}`,
    `/api/labels/${certificateNumber}`,
    `/api/certificates/${certificateNumber}/label?format=svg`,
  ];
  const samples: Sample[] = [];
  let running = true;
  const client = async (offset: number) => {
    for (let i = offset; running; i += 1) {
      const requestPath = paths[i % paths.length];
      const startedAt = Date.now();
      const response = await fetch(`${baseUrl}${requestPath}`, { redirect: "manual" }).catch(() => null);
      // A refused or reset connection would be the server itself failing, not an answer.
      const status = response?.status ?? 0;
      await response?.arrayBuffer().catch(() => undefined);
      samples.push({ startedAt, endedAt: Date.now(), path: requestPath, status, retryAfter: response?.headers.get("retry-after") ?? null });
    }
  };
  const load = Array.from({ length: CLIENTS }, (_, index) => client(index));

  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const stoppedAt = Date.now();
  await postgres.stop("fast");
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  await postgres.start();
  const restartedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  running = false;
  await Promise.all(load);

  const served = (sample: Sample) => sample.status > 0 && sample.status < 500;
  const unavailable = (sample: Sample) => sample.status === 503 && sample.retryAfter === "5";
  const summary = samples.reduce<Record<string, number>>((counts, sample) => {
    counts[sample.status] = (counts[sample.status] ?? 0) + 1;
    return counts;
  }, {});
  console.log(`[outage] ${samples.length} requests by status:`, summary);

  // Before the restart everything was served; during it the database was really gone.
  expect(samples.filter((sample) => sample.endedAt < stoppedAt).every(served)).toBe(true);
  const during = samples.filter((sample) => sample.startedAt > stoppedAt && sample.endedAt < restartedAt);
  expect(during.filter(unavailable).length).toBeGreaterThan(CLIENTS);
  // Every answer is either served or a 503 with Retry-After: no 500, no dropped connection.
  expect(samples.filter((sample) => !served(sample) && !unavailable(sample))).toEqual([]);
  // Recovered by itself: within a few seconds of the restart, and every request since.
  const firstServedAfter = samples.filter((sample) => sample.startedAt >= restartedAt && served(sample)).sort((a, b) => a.startedAt - b.startedAt)[0];
  expect(firstServedAfter.startedAt - restartedAt).toBeLessThan(3_000);
  expect(samples.filter((sample) => sample.startedAt > restartedAt + 3_000).every(served)).toBe(true);
});
