#!/usr/bin/env node
/**
 * `npm test`: every check, each step stopping the run on its first failure, arranged so that a
 * two-core machine is never idle where it need not be: ESLint and the TypeScript check run side by
 * side (each uses one core), then the unit tests, then the integration tests while the
 * production build for the end-to-end tests is made beside them (they mostly wait on PostgreSQL,
 * timers and child servers), then both Playwright suites, which find the build made.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Runs one command, its output passed through; resolves with its exit code. */
function run(label, command, args, env = process.env) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const outcome = code === 0 ? "passed" : `failed (${signal ?? `exit ${code}`})`;
      console.log(`[test] ${label} ${outcome} in ${seconds} s`);
      resolve(code ?? 1);
    });
  });
}

async function step(...commands) {
  const codes = await Promise.all(commands);
  const failed = codes.find((code) => code !== 0);
  if (failed !== undefined) process.exit(failed);
}

await step(run("ESLint", "npm", ["run", "lint"]), run("TypeScript check", "npm", ["run", "typecheck"]));
await step(run("unit tests", "npm", ["run", "test:unit"]));
// The same build the Playwright servers would make (scripts/start.mjs skips it when it is newer
// than the sources): nothing in it depends on the environment but the directory it goes to.
const e2eBuild = run("end-to-end build", process.execPath, [path.join(root, "scripts", "start.mjs"), "--build-only"], {
  ...process.env,
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-e2e",
});
await step(run("integration tests", "npm", ["run", "test:integration"]), e2eBuild);
await step(run("end-to-end tests", "npm", ["run", "test:e2e"]));
