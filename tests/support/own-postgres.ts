/**
 * A PostgreSQL server of the test's own — `initdb` into a temporary folder, its own port and
 * socket directory, Debian's binaries under /usr/lib/postgresql/<version>/bin — for tests that stop,
 * restart or replicate a server. Never the shared server other tests use. PostgreSQL refuses to
 * run as root, so as root the binaries run as the `postgres` user (runuser).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  if (versions.length === 0) throw new Error(`No PostgreSQL binaries under ${root} (apt-get install postgresql)`);
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], "bin");
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
async function pg(binary: string, args: string[]): Promise<string> {
  const executable = path.join(binDir(), binary);
  const [command, commandArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", executable, ...args]] : [executable, args];
  const { stdout } = await run(command, commandArgs, { maxBuffer: 10 * 1024 * 1024 });
  return stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function ownedFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (asRoot) {
    const { uid, gid } = fs.statSync("/var/lib/postgresql");
    fs.chownSync(folder, uid, gid);
  }
  return folder;
}

export type OwnPostgres = {
  port: number;
  /** Connection string for `database` (default "postgres") as the superuser. */
  url(database?: string): string;
  start(): Promise<void>;
  /** `fast` disconnects every client (what a restart or failover does); `immediate` is a crash. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** A streaming standby of this server, on a port of its own, already replaying. */
  startStandby(): Promise<OwnPostgres>;
  dispose(): Promise<void>;
};

async function serverIn(folder: string, dataDir: string, port: number): Promise<OwnPostgres> {
  const log = path.join(folder, "server.log");
  let running = false;
  const server: OwnPostgres = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      await pg("pg_ctl", ["-D", dataDir, "-o", options, "-l", log, "-w", "-t", "60", "start"]);
      running = true;
    },
    async stop(mode = "fast") {
      if (!running) return;
      await pg("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
      running = false;
    },
    async startStandby() {
      const standbyFolder = ownedFolder("carbonlabel-own-pg-standby-");
      const standbyData = path.join(standbyFolder, "data");
      await pg("pg_basebackup", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-D", standbyData, "-R", "-X", "stream", "-c", "fast"]);
      const standby = await serverIn(standbyFolder, standbyData, await freePort());
      await standby.start();
      return standby;
    },
    async dispose() {
      await server.stop("immediate").catch(() => undefined);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
  return server;
}

/** initdb + start; trust authentication on loopback only (replication included). */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const folder = ownedFolder("carbonlabel-own-pg-");
  const dataDir = path.join(folder, "data");
  await pg("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const server = await serverIn(folder, dataDir, await freePort());
  await server.start();
  return server;
}
