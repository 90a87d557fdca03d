import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * The platform journeys: two instances on one database and one bucket, each with its caching
 * front (scripts/e2e-instances.ts), and a database outage on a PostgreSQL server of the test's
 * own. Run with `npx playwright test -c playwright.platform.config.ts`; E2E_PORT and
 * E2E_SECOND_PORT choose the instances' ports (3100 and 3110 unless set; the fronts take the next
 * two ports of each).
 */
const PORT = Number(process.env.E2E_PORT || 3100);
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT || PORT + 10);
export const INSTANCE_URLS = [`http://127.0.0.1:${PORT}`, `http://127.0.0.1:${SECOND_PORT}`] as const;
/** The caching front beside each instance (scripts/e2e-instances.ts: the instance's port + 1). */
export const FRONT_URLS = [`http://127.0.0.1:${PORT + 1}`, `http://127.0.0.1:${SECOND_PORT + 1}`] as const;
export const E2E_STATE_FILE = path.join(os.tmpdir(), `carbonlabel-e2e-instances-${PORT}.json`);
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e-platform",
  globalSetup: "./e2e-platform/global-setup.ts",
  globalTeardown: "./e2e-platform/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report/platform" }]],
  outputDir: "test-results/platform",
  use: {
    baseURL: INSTANCE_URLS[0],
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en",
    launchOptions: { executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx scripts/e2e-instances.ts",
    url: `${INSTANCE_URLS[0]}/api/health`,
    timeout: 900_000,
    reuseExistingServer: false,
    // SIGTERM, not Playwright's default SIGKILL: the launcher stops both instances, drops its
    // database and removes its bucket (global-teardown.ts catches what a kill leaves behind).
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_PORT: String(PORT),
      E2E_SECOND_PORT: String(SECOND_PORT),
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
      E2E_STATE_FILE,
      AUTH_SECRET: process.env.AUTH_SECRET || "e2e-secret-for-tests-only-0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      // Production mode needs both: the instances share one public origin, as behind a load balancer.
      PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL || INSTANCE_URLS[0],
      KEY_ENCRYPTION_KEY: process.env.KEY_ENCRYPTION_KEY || "XjZeVLS1Lxrony4WE1qOSF510Z+on67ux5bJKHlm1j8=",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
