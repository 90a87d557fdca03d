/**
 * Two app instances for the platform e2e tests (playwright.platform.config.ts), as a pilot runs
 * them: one production build, two `next start` processes started at the same moment on one fresh
 * PostgreSQL database, one S3-compatible bucket (s3rver on loopback), a shared AUTH_SECRET and
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY — and nothing else shared: each has a data directory of its
 * own, so anything an instance kept locally would show up as a failure on the other.
 * Beside each instance runs its caching front (Varnish with deploy/varnish.vcl, on the instance's
 * port + 1, purge listener on + 2), and every instance bans at both fronts, as in production.
 * Leaves what it created in E2E_STATE_FILE for e2e-platform/global-teardown.ts.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startS3Server } from "../tests/support/s3-server";
import { startVarnishFront } from "./varnish-front";
import { createTestDatabase, postgresReachable } from "../tests/support/test-database";

const START = path.join(__dirname, "start.mjs");

async function main() {
  const ports = [process.env.E2E_PORT, process.env.E2E_SECOND_PORT].map(Number);
  if (ports.some((port) => !port)) throw new Error("E2E_PORT and E2E_SECOND_PORT must be set");
  if (!(await postgresReachable())) throw new Error("The platform e2e tests need PostgreSQL (several instances cannot share PGlite).");

  const build = spawnSync(process.execPath, [START, "--build-only"], { env: process.env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const database = await createTestDatabase("carbonlabel_e2e_instances");
  const s3 = await startS3Server("carbonlabel-e2e");
  const dataDirs = ports.map((port) => fs.mkdtempSync(path.join(os.tmpdir(), `carbonlabel-e2e-instance-${port}-`)));
  if (process.env.E2E_STATE_FILE) {
    fs.writeFileSync(process.env.E2E_STATE_FILE, JSON.stringify({ databaseName: database.name, dataDirs, s3Directory: s3.directory }));
  }
  const fronts = await Promise.all(ports.map((port) => startVarnishFront({ port: port + 1, purgePort: port + 2, upstream: `127.0.0.1:${port}` })));
  const shared = {
    ...process.env,
    ...s3.env,
    DATABASE_URL: database.url,
    FRONT_CACHE_PURGE_URLS: fronts.map((front) => front.purgeUrl).join(" "),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || randomBytes(32).toString("base64"),
  };
  const instances: ChildProcess[] = ports.map((port, index) =>
    spawn(process.execPath, [START], {
      env: { ...shared, PORT: String(port), DATA_DIR: dataDirs[index] },
      stdio: "inherit",
      // Its own process group: start.mjs → npx → next-server all receive one signal (npx does
      // not pass a SIGTERM on to the server reliably).
      detached: true,
    }),
  );
  const exited = instances.map((instance) => new Promise<void>((resolve) => instance.once("exit", () => resolve())));

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The database goes only once both instances have stopped.
    const signalGroups = (signal: NodeJS.Signals) => {
      for (const instance of instances) {
        try {
          process.kill(-instance.pid!, signal);
        } catch {
          // that group has ended already
        }
      }
    };
    signalGroups("SIGTERM");
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 8_000))]);
    signalGroups("SIGKILL");
    await Promise.all(fronts.map((front) => front.stop()));
    await database.drop().catch((error) => console.error("[e2e] could not drop the test database:", error));
    await s3.dispose();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
  // One instance stopping on its own is a failure of the run: stop the other and clean up.
  for (const instance of instances) instance.once("exit", (code) => void stop(code ?? 1));
}

main().catch((error) => {
  console.error("[e2e] could not start the instances:", error);
  process.exit(1);
});
