/**
 * The server Playwright tests run against: a fresh database (PostgreSQL when
 * one answers, else PGlite in a temp dir), the demo pilot, a production build,
 * behind Caddy on HTTPS (E2E_HTTPS_PORT, TLS only, as the PACT host must be).
 * Caddy also forwards /e2e-partner/* to the tests' own PACT host on a Unix
 * socket (E2E_PARTNER_SOCKET), and the app trusts Caddy's local CA, so the
 * platform reaches that partner over HTTPS. Drops what it created when
 * Playwright stops it; because Playwright may kill this process outright, it
 * also leaves the names (and Caddy's pid) in E2E_STATE_FILE for
 * e2e/global-teardown.ts.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, postgresReachable } from "../tests/support/test-database";
import { startCaddy } from "./https-proxy";

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

  const port = process.env.PORT || "3100";
  const caddy = await startCaddy({
    httpsPort: Number(process.env.E2E_HTTPS_PORT || 8443),
    upstream: `127.0.0.1:${port}`,
    storageDir: path.join(dataDir, "caddy"),
    routes: process.env.E2E_PARTNER_SOCKET ? [{ prefix: "/e2e-partner", upstream: `unix/${process.env.E2E_PARTNER_SOCKET}` }] : [],
  });
  env.NODE_EXTRA_CA_CERTS = caddy.rootCertificate;
  if (process.env.E2E_STATE_FILE) {
    fs.writeFileSync(process.env.E2E_STATE_FILE, JSON.stringify({ databaseName, dataDir, caddyPid: caddy.process.pid ?? null }));
  }

  const server = spawn(process.execPath, [path.join(__dirname, "start.mjs")], { env, stdio: "inherit" });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    caddy.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await cleanup().catch((error) => console.error("[e2e] could not drop the test database:", error));
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
  caddy.process.on("exit", () => void stop(1));
}

void main();
