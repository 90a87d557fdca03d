/**
 * Evidence downloads stream from storage to the response (`npm run bench`): the server's peak
 * memory while 10 clients download the same 20 MB file at once, on the local disk and on an
 * S3-compatible bucket (s3rver on loopback, in this process, so its memory is not counted).
 * Buffering the file whole per request would add 10 × 20 MB = 200 MB; streaming adds little.
 *
 * The server is a production build (`.next-bench`) started as its own process on BENCH_PORT + 2
 * (3192); its resident set is read from /proc (VmHWM, reset before the downloads). The file and
 * its evidence row are made for the run on an application of DATABASE_URL and removed afterwards.
 * BENCH_DOWNLOAD_CLIENTS (10), BENCH_DOWNLOAD_MB (20).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { Client } from "pg";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { S3Storage, s3ConfigFromEnv } from "@/lib/storage/s3";
import type { ObjectStorage } from "@/lib/storage/types";
import { startS3Server } from "../tests/support/s3-server";

const CLIENTS = Number(process.env.BENCH_DOWNLOAD_CLIENTS || 10);
const FILE_BYTES = Number(process.env.BENCH_DOWNLOAD_MB || 20) * 1024 * 1024;
const PORT = Number(process.env.BENCH_PORT || 3190) + 2;
const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const AUTH_SECRET = process.env.AUTH_SECRET || "bench-only-secret-0123456789abcdefghijklmnop";
const SESSION_COOKIE = "authjs.session-token";
const MB = 1024 * 1024;

type DownloadBenchRow = {
  storage: string;
  baselineRssMb: number;
  peakRssMb: number;
  addedMb: number;
  downloadedMb: number;
  seconds: number;
};

type Owner = { userId: string; role: string; organizationId: string; sessionVersion: number; applicationId: string };

async function enterpriseWithApplication(client: Client): Promise<Owner> {
  const { rows } = await client.query<Owner>(`
    select u.id as "userId", u.role, u.organization_id as "organizationId", u.session_version as "sessionVersion", a.id as "applicationId"
    from users u join applications a on a.organization_id = u.organization_id
    where u.role = 'enterprise' and not u.disabled
    limit 1`);
  if (!rows[0]) throw new Error("No enterprise user with an application in DATABASE_URL: run npm run db:seed:scale first.");
  return rows[0];
}

/** The session cookie the app itself would set for `owner` (Auth.js JWT, same secret and salt). */
async function sessionCookie(owner: Owner): Promise<string> {
  const claims = { id: owner.userId, role: owner.role, organizationId: owner.organizationId, sessionVersion: owner.sessionVersion };
  const token = await encode({ token: { sub: owner.userId, claims }, secret: AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

/** The server process and every process below it (next start may run its server in a child). */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) : 0;
}

const sumMb = (pids: number[], field: "VmRSS" | "VmHWM") => pids.reduce((total, pid) => total + statusKb(pid, field), 0) / 1024;

async function waitForHealth(url: string) {
  const deadline = Date.now() + 120_000;
  while (!(await fetch(url).then((response) => response.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Reads one download as it arrives, hashing it; nothing kept. */
async function download(url: string, cookie: string): Promise<{ bytes: number; sha256: string }> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`download answered ${response.status}`);
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of response.body) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { bytes, sha256: hash.digest("hex") };
}

async function measure(
  label: string,
  storage: ObjectStorage,
  serverEnv: NodeJS.ProcessEnv,
  file: { bytes: Buffer; sha256: string; key: string },
  evidenceUrl: string,
  cookie: string,
): Promise<DownloadBenchRow> {
  await storage.put(file.key, file.bytes, "application/pdf");
  const server: ChildProcess = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT)], {
    env: serverEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${PORT}/api/health`);
    // Warm-up: the first request loads the route and fills the connection pool.
    const warm = await download(evidenceUrl, cookie);
    if (warm.sha256 !== file.sha256) throw new Error("the warm-up download does not match the file");
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const pids = processTree(server.pid!);
    // Writing 5 to clear_refs resets the peak (VmHWM) to the current resident set.
    for (const pid of pids) fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    const baseline = sumMb(pids, "VmRSS");
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: CLIENTS }, () => download(evidenceUrl, cookie)));
    const seconds = (performance.now() - started) / 1000;
    const peak = sumMb(pids, "VmHWM");
    for (const result of results) {
      if (result.bytes !== file.bytes.length || result.sha256 !== file.sha256) throw new Error("a download does not match the file");
    }
    return {
      storage: label,
      baselineRssMb: baseline,
      peakRssMb: peak,
      addedMb: peak - baseline,
      downloadedMb: (CLIENTS * file.bytes.length) / MB,
      seconds,
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

export async function runEvidenceDownloadBench(): Promise<DownloadBenchRow[]> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL must point at the PostgreSQL database to measure.");
  const build = spawnSync(process.execPath, [path.join("scripts", "start.mjs"), "--build-only"], {
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR },
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("next build failed");

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const owner = await enterpriseWithApplication(client);
  const header = Buffer.from("%PDF-1.4\n");
  const bytes = Buffer.concat([header, randomBytes(FILE_BYTES - header.length)]);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = { bytes, sha256, key: `evidence/${sha256}` };
  const evidenceId = randomUUID();
  await client.query(
    `insert into evidence_files (id, application_id, uploaded_by_organization_id, uploaded_by, file_name, mime_type, size_bytes, sha256, storage_key)
     values ($1, $2, $3, $4, 'bench-20mb.pdf', 'application/pdf', $5, $6, $7)`,
    [evidenceId, owner.applicationId, owner.organizationId, owner.userId, bytes.length, sha256, file.key],
  );
  const cookie = await sessionCookie(owner);
  const evidenceUrl = `http://127.0.0.1:${PORT}/api/evidence/${evidenceId}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-bench-download-"));
  const s3 = await startS3Server("carbonlabel-bench");
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    NEXT_DIST_DIR: DIST_DIR,
    AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    SEED_DEMO: "false",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of Object.keys(s3.env)) delete serverEnv[name];
  try {
    const rows = [
      await measure("local disk", new LocalDiskStorage(path.join(dataDir, "storage")), serverEnv, file, evidenceUrl, cookie),
      await measure("S3 (s3rver)", new S3Storage(s3ConfigFromEnv(s3.env)!), { ...serverEnv, ...s3.env }, file, evidenceUrl, cookie),
    ];
    console.log(`\nEvidence download — ${CLIENTS} clients at once, one ${FILE_BYTES / MB} MB file, server resident memory`);
    console.table(
      rows.map((row) => ({
        storage: row.storage,
        "baseline RSS MB": Math.round(row.baselineRssMb),
        "peak RSS MB": Math.round(row.peakRssMb),
        "added MB": Math.round(row.addedMb),
        "served MB": row.downloadedMb,
        seconds: Number(row.seconds.toFixed(2)),
      })),
    );
    return rows;
  } finally {
    await client.query("delete from evidence_files where id = $1", [evidenceId]);
    await client.end();
    await s3.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
