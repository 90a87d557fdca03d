import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3100);
/** The app is reached as in production: over HTTPS behind Caddy (scripts/e2e-server.ts), TLS only. */
const HTTPS_PORT = Number(process.env.E2E_HTTPS_PORT || 8443);
export const BASE_URL = `https://localhost:${HTTPS_PORT}`;
/** Where the e2e server notes the database it created, for the global teardown. */
export const E2E_STATE_FILE = path.join(os.tmpdir(), `carbonlabel-e2e-server-${PORT}.json`);
/** The tests' own PACT host listens here; Caddy forwards ${BASE_URL}/e2e-partner/* to it. */
export const E2E_PARTNER_SOCKET = path.join(os.tmpdir(), `carbonlabel-e2e-partner-${PORT}.sock`);
export const E2E_PARTNER_BASE_URL = `${BASE_URL}/e2e-partner`;
/** The app's SMTP relay: e2e/password-reset.spec.ts listens here (smtp-server) and reads what arrives. */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT || PORT + 25);

/** Debian's Chromium: Playwright's own browser download is not available here. */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    // Caddy's certificate comes from its own local CA (`tls internal`).
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "zh-CN",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    // Through Caddy: ready when both the app and its HTTPS front answer.
    url: `${BASE_URL}/api/health`,
    ignoreHTTPSErrors: true,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      E2E_HTTPS_PORT: String(HTTPS_PORT),
      E2E_PARTNER_SOCKET,
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
      E2E_STATE_FILE,
      AUTH_SECRET: process.env.AUTH_SECRET || "e2e-secret-for-tests-only-0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      // The e2e server runs in production mode: signed credentials need both.
      KEY_ENCRYPTION_KEY: process.env.KEY_ENCRYPTION_KEY || "XjZeVLS1Lxrony4WE1qOSF510Z+on67ux5bJKHlm1j8=",
      PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL || BASE_URL,
      // Mail sent while no spec listens is refused and retried later: it is never lost.
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // Every spec signs its new enterprises up from this one machine: more than a person's allowance.
      SIGN_UPS_PER_ADDRESS_PER_HOUR: "100",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
