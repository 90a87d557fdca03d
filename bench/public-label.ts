/**
 * Public verification page under load (`npm run bench`): the page `/labels/[number]` and its JSON
 * form (same URL, `Accept: application/json`) of a production build, next to a bare node:http
 * server running the same indexed query on the same database. 500 certificate numbers are sampled
 * from the database and each is visited once first (its page rendered, as on its first scan; the
 * times are printed); every measured request then draws one of them at random, so the runs
 * measure the caches over many entries, not one hot URL.
 *
 * The page and the JSON are measured as deployed, through the caching front (Varnish with
 * deploy/varnish.vcl, started here in front of the server; needs `apt-get install varnish`), and
 * from the Next.js server directly: the targets are for the first, the second shows what the
 * framework does without a front (BENCH_FRONT=0 leaves the front out).
 *
 * BENCH_BASE_URL: a running production server to measure; otherwise one is built and started on
 * BENCH_PORT (3190) with its own dist dir. BENCH_DURATION (s, 15), BENCH_CONNECTIONS (20).
 * Also prints the page's HTML size, the same server's static-file rate (the framework's floor)
 * and Lighthouse scores of the page and /registry (BENCH_LIGHTHOUSE=0 skips them), through the
 * front when there is one.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { Client } from "pg";
import { startVarnishFront, type VarnishFront } from "../scripts/varnish-front";
import { runLighthouse } from "./lighthouse";

const LIGHTHOUSE_VERSION = (createRequire(import.meta.url)("lighthouse/package.json") as { version: string }).version;

type AutocannonResult = {
  requests: { average: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
};
type AutocannonRequest = { setupRequest: (request: { path: string }) => { path: string } };
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const DURATION = Number(process.env.BENCH_DURATION || 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 20);
const APP_PORT = Number(process.env.BENCH_PORT || 3190);
const BARE_PORT = APP_PORT + 1;
const FRONT_PORT = APP_PORT + 2;
const FRONT_PURGE_PORT = APP_PORT + 3;
const SAMPLE_SIZE = 500;
/** 32 bytes, base64: for the scale database only, never for real keys. */
const BENCH_KEY_ENCRYPTION_KEY = Buffer.alloc(32, "carbonlabel-bench").toString("base64");

type PublicLabelBenchRow = { target: string; requestsPerSecond: number; p99Ms: number; averageMs: number; non2xx: number };

async function sampleNumbers(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ number: string }>(
      `select number from certificates tablesample system (5) limit ${SAMPLE_SIZE}`,
    );
    if (rows.length > 0) return rows.map((row) => row.number);
    const all = await client.query<{ number: string }>(`select number from certificates limit ${SAMPLE_SIZE}`);
    return all.rows.map((row) => row.number);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function startApp(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [path.join(process.cwd(), "scripts", "start.mjs")], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(APP_PORT),
      NEXT_DIST_DIR: process.env.BENCH_DIST_DIR || ".next-bench",
      AUTH_SECRET: process.env.AUTH_SECRET || "bench-only-secret-0123456789abcdefghijklmnop",
      // Production mode requires both; the scale database's signing keys are sealed with this one.
      PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL || `http://127.0.0.1:${APP_PORT}`,
      KEY_ENCRYPTION_KEY: process.env.KEY_ENCRYPTION_KEY || BENCH_KEY_ENCRYPTION_KEY,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
    // Its own process group: start.mjs → npx → next-server all stop with one signal.
    detached: true,
  });
}

function stopApp(app: ChildProcess) {
  if (app.pid) process.kill(-app.pid, "SIGTERM");
}

function startBare(databaseUrl: string): Promise<ChildProcess> {
  const child = fork(path.join(process.cwd(), "bench", "public-label-bare-server.mjs"), {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(BARE_PORT) },
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

const FIRST_VISIT_CONCURRENCY = 4;

const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);

/** Requests every number's page and JSON form once, a few at a time: the times of first visits. */
async function visitEach(baseUrl: string, numbers: string[]) {
  const page: number[] = [];
  const json: number[] = [];
  const timed = async (url: string, accept: string, into: number[]) => {
    const started = performance.now();
    const response = await fetch(url, { headers: { Accept: accept } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    into.push(performance.now() - started);
  };
  const started = performance.now();
  const queue = [...numbers];
  await Promise.all(
    Array.from({ length: FIRST_VISIT_CONCURRENCY }, async () => {
      for (let number = queue.shift(); number; number = queue.shift()) {
        await timed(`${baseUrl}/labels/${number}`, "text/html", page);
        await timed(`${baseUrl}/labels/${number}`, "application/json", json);
      }
    }),
  );
  page.sort((a, b) => a - b);
  json.sort((a, b) => a - b);
  return { ms: performance.now() - started, pageP50: percentile(page, 50), pageP99: percentile(page, 99), jsonP50: percentile(json, 50) };
}

async function load(target: string, baseUrl: string, paths: () => string, headers?: Record<string, string>) {
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: DURATION,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths() }) }],
  });
  return {
    target,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    averageMs: result.latency.average,
    non2xx: result.non2xx + result.errors,
  };
}

export async function runPublicLabelBench(): Promise<PublicLabelBenchRow[]> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL must point at the PostgreSQL database to measure.");
  const numbers = await sampleNumbers(databaseUrl);
  if (numbers.length === 0) throw new Error("No certificates in the database: run npm run db:seed:scale first.");

  const app = process.env.BENCH_BASE_URL ? null : startApp(databaseUrl);
  const baseUrl = process.env.BENCH_BASE_URL?.replace(/\/+$/, "") || `http://127.0.0.1:${APP_PORT}`;
  const bare = await startBare(databaseUrl);
  let front: VarnishFront | null = null;
  try {
    await waitForHealth(`${baseUrl}/api/health`, 15 * 60_000);
    if (process.env.BENCH_FRONT !== "0") {
      front = await startVarnishFront({ port: FRONT_PORT, purgePort: FRONT_PURGE_PORT, upstream: new URL(baseUrl).host });
    }
    // First visits: each sampled page and JSON form once, as its first scan would. The page is
    // rendered then and served from the render cache after; the measured runs below draw from the
    // same 500, so they measure the cache's steady state over many entries, not one hot URL.
    const firstVisits = await visitEach(baseUrl, numbers);

    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
    const randomLabel = () => `/labels/${numbers[Math.floor(Math.random() * numbers.length)]}`;
    const throughFront = front
      ? [
          await load("/labels/[n] JSON, through the front", front.url, randomLabel, { Accept: "application/json" }),
          await load("/labels/[n] page, through the front", front.url, randomLabel, { Accept: "text/html" }),
        ]
      : [];
    const rows = [
      await load("bare node:http + pg (JSON)", bareUrl, randomLabel),
      ...throughFront,
      await load("Next.js /labels/[n] JSON, no front", baseUrl, randomLabel, { Accept: "application/json" }),
      await load("Next.js /labels/[n] page, no front", baseUrl, randomLabel, { Accept: "text/html" }),
      // The framework's floor: the same server sending a static file.
      await load("Next.js static file (robots.txt)", baseUrl, () => "/robots.txt"),
    ];
    const deployedUrl = front?.url ?? baseUrl;
    const htmlBytes = (await (await fetch(`${deployedUrl}/labels/${numbers[0]}`, { headers: { Accept: "text/html" } })).arrayBuffer()).byteLength;
    const baseline = rows[0].requestsPerSecond;
    console.log(`\nPublic verification page — ${numbers.length} certificate numbers, ${CONNECTIONS} connections, ${DURATION} s each`);
    console.table(
      rows.map((row) => ({
        target: row.target,
        "req/s": Math.round(row.requestsPerSecond),
        "p99 ms": row.p99Ms,
        "avg ms": Number(row.averageMs.toFixed(1)),
        "vs bare": `${((row.requestsPerSecond / baseline) * 100).toFixed(0)}%`,
        "errors/non-2xx": row.non2xx,
      })),
    );
    console.log(
      `First visits before the runs: ${numbers.length} pages and JSON forms, ${FIRST_VISIT_CONCURRENCY} at a time, in ${(firstVisits.ms / 1000).toFixed(1)} s (page p50 ${firstVisits.pageP50} ms, p99 ${firstVisits.pageP99} ms; JSON p50 ${firstVisits.jsonP50} ms).`,
    );
    console.log(
      `Page HTML: ${(htmlBytes / 1024).toFixed(1)} KB (target ≤ 25 KB); targets: page and JSON ≥ 50 % of bare, p99 ≤ 50 ms, 0 errors${front ? " (as deployed: through the front)" : " (BENCH_FRONT=0: no front measured)"}.`,
    );
    if (process.env.BENCH_LIGHTHOUSE !== "0") {
      const lighthouse = await runLighthouse([`${deployedUrl}/labels/${numbers[0]}`, `${deployedUrl}/registry`]);
      console.log(`\nLighthouse ${LIGHTHOUSE_VERSION} (median of ${process.env.BENCH_LIGHTHOUSE_RUNS || 5}; targets: performance ≥ 95, accessibility 100, best practices ≥ 95)`);
      console.table(lighthouse.rows);
      console.log(`This machine's Lighthouse CPU benchmark index: ${lighthouse.benchmarkIndex} (Lighthouse's simulated phone is 4× slower than the machine it runs on).`);
    }
    return rows;
  } finally {
    await front?.stop();
    bare.kill("SIGTERM");
    if (app) stopApp(app);
  }
}
