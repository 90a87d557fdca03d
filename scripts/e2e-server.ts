/**
 * The server Playwright tests run against: a fresh database (PostgreSQL when
 * one answers, else PGlite in a temp dir), the demo pilot, a production build.
 * Drops what it created when Playwright stops it; because Playwright may kill
 * this process outright, it also leaves the names in E2E_STATE_FILE for
 * e2e/global-teardown.ts.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, postgresReachable } from "../tests/support/test-database";

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env };
  let cleanup: () => Promise<void>;
  let databaseName: string | null = null;
  if (await postgresReachable()) {
    const database = await createTestDatabase("carbonlabel_e2e");
    env.DATABASE_URL = database.url;
    databaseName = database.name;
    cleanup = database.drop;
  } else {
    delete env.DATABASE_URL;
    cleanup = async () => undefined;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-e2e-"));
  env.DATA_DIR = dataDir;
  if (process.env.E2E_STATE_FILE) {
    fs.writeFileSync(process.env.E2E_STATE_FILE, JSON.stringify({ databaseName, dataDir }));
  }

  const server = spawn(process.execPath, [path.join(__dirname, "start.mjs")], { env, stdio: "inherit" });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await cleanup().catch((error) => console.error("[e2e] could not drop the test database:", error));
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

void main();
