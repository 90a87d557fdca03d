import fs from "node:fs";
import { dropTestDatabase } from "../tests/support/test-database";
import { E2E_STATE_FILE } from "../playwright.config";

/** Removes what the e2e server created, even when Playwright killed the server before its own cleanup. */
export default async function globalTeardown() {
  if (!fs.existsSync(E2E_STATE_FILE)) return;
  const state = JSON.parse(fs.readFileSync(E2E_STATE_FILE, "utf8")) as { databaseName: string | null; dataDir: string; caddyPid?: number | null };
  // The Caddy the e2e server started, if Playwright killed the server before it could stop it.
  if (state.caddyPid) {
    try {
      process.kill(state.caddyPid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  if (state.databaseName) await dropTestDatabase(state.databaseName);
  fs.rmSync(state.dataDir, { recursive: true, force: true });
  fs.rmSync(E2E_STATE_FILE, { force: true });
}
