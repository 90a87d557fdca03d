/**
 * A real ClamAV daemon for the scan tests: Debian's clamav-daemon binary, started with a
 * configuration of its own (Unix socket and database in a temporary directory, in the
 * foreground), on a signature database of one line — the EICAR test file's body as an .ndb
 * hex signature, so it is found inside any file (freshclam's mirrors are out of reach, and a
 * real database would take a minute and a gigabyte to load). No clamd installed is a failure,
 * never a skip: CI installs clamav-daemon (.ci/run).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * The standard 68-byte EICAR anti-virus test file, put together at run time so this source
 * file is not itself flagged by a scanner on the machine that checks it out.
 */
export const EICAR = ["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"].join("");

/** The name clamd reports for our signature (it appends ".UNOFFICIAL" to a database of one's own). */
export const EICAR_SIGNATURE = "CarbonLabel.Test.EICAR";

const CLAMD_CANDIDATES = ["/usr/sbin/clamd", "/usr/bin/clamd"];

export type ClamdTestServer = {
  socketPath: string;
  /** What points CarbonLabel's scanner at this daemon. */
  env: { CLAMAV_SOCKET: string };
  /** Stops the daemon (an outage); `start` brings it back on the same socket. */
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
};

function clamdBinary(): string {
  const found = CLAMD_CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error("clamd is not installed: apt-get install clamav-daemon (the scan tests need a real daemon)");
  return found;
}

async function waitForSocket(socketPath: string, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`clamd exited with ${child.exitCode} before listening:\n${log()}`);
    const answered = await new Promise<boolean>((resolve) => {
      const socket = net.createConnection({ path: socketPath });
      socket.once("connect", () => socket.write("zPING\0"));
      socket.once("data", (data) => {
        socket.destroy();
        resolve(data.toString("utf8").startsWith("PONG"));
      });
      socket.once("error", () => resolve(false));
    });
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`clamd did not answer on ${socketPath} within ${timeoutMs} ms:\n${log()}`);
}

export async function startClamd(): Promise<ClamdTestServer> {
  const binary = clamdBinary();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-clamd-"));
  const database = path.join(directory, "db");
  fs.mkdirSync(database);
  fs.writeFileSync(path.join(database, "carbonlabel-test.ndb"), `${EICAR_SIGNATURE}:0:*:${Buffer.from(EICAR, "latin1").toString("hex")}\n`);
  const socketPath = path.join(directory, "clamd.sock");
  const configPath = path.join(directory, "clamd.conf");
  fs.writeFileSync(
    configPath,
    [
      `LocalSocket ${socketPath}`,
      `DatabaseDirectory ${database}`,
      `TemporaryDirectory ${directory}`,
      `PidFile ${path.join(directory, "clamd.pid")}`,
      "Foreground yes",
      `LogFile ${path.join(directory, "clamd.log")}`,
      // The app's evidence limit is 20 MB; clamd's default stream limit (25 MB) is kept.
      "StreamMaxLength 25M",
    ].join("\n") + "\n",
  );

  let child: ChildProcess | null = null;
  let output = "";
  const start = async () => {
    if (child) return;
    fs.rmSync(socketPath, { force: true });
    const started = spawn(binary, [`--config-file=${configPath}`], { stdio: ["ignore", "pipe", "pipe"] });
    started.stdout?.on("data", (data: Buffer) => (output += data.toString("utf8")));
    started.stderr?.on("data", (data: Buffer) => (output += data.toString("utf8")));
    child = started;
    await waitForSocket(socketPath, started, () => `${output}${fs.readFileSync(path.join(directory, "clamd.log"), { encoding: "utf8", flag: "a+" })}`);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGTERM");
    });
  };

  try {
    await start();
  } catch (error) {
    await stop();
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    socketPath,
    env: { CLAMAV_SOCKET: socketPath },
    stop,
    start,
    async dispose() {
      await stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
