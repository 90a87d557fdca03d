#!/usr/bin/env node
/**
 * `npm start`: builds the app when the sources are newer than the last build,
 * then serves it. `--build-only` stops after the build (build once, then start
 * several instances from it). The server itself applies migrations, loads the demo pilot
 * into an empty database and prints the demo logins (instrumentation.ts).
 */
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
};

const SOURCES = ["app", "components", "lib", "db", "drizzle", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "scripts/build-label-assets.mjs"];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const buildId = path.join(root, distDir, "BUILD_ID");
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
if (builtAt < sourcesAt) {
  console.log("[carbonlabel] building the app (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (process.argv.includes("--build-only")) process.exit(0);

const port = process.env.PORT || "3000";
const server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
