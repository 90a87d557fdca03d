import fs from "node:fs";
import { E2E_STATE_FILE } from "../playwright.platform.config";
import { dropTestDatabase } from "../tests/support/test-database";

/** Removes what the instances' launcher created, even when Playwright killed it before its own cleanup. */
export default async function globalTeardown() {
  if (!fs.existsSync(E2E_STATE_FILE)) return;
  const state = JSON.parse(fs.readFileSync(E2E_STATE_FILE, "utf8")) as { databaseName: string; dataDirs: string[]; s3Directory: string };
  await dropTestDatabase(state.databaseName);
  for (const dir of [...state.dataDirs, state.s3Directory]) fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(E2E_STATE_FILE, { force: true });
}
