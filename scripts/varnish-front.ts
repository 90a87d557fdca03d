/**
 * The label page's caching front on this machine: Debian's varnishd (apt-get install varnish)
 * with deploy/varnish.vcl, its backend pointed at one app instance. Used by the bench, the
 * integration tests and for trying the front locally:
 *
 *   npx tsx scripts/varnish-front.ts [--port 6081] [--purge-port 6091] [--upstream 127.0.0.1:3000]
 *
 * then start the app with FRONT_CACHE_PURGE_URLS=http://127.0.0.1:6091 so status changes ban.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DEPLOYED_VCL = path.join(import.meta.dirname, "..", "deploy", "varnish.vcl");
const VARNISHD_CANDIDATES = ["/usr/sbin/varnishd", "/usr/bin/varnishd"];

export type VarnishFrontOptions = {
  /** The public listener (what the TLS proxy, or a test, talks to). */
  port: number;
  /** The purge listener: FRONT_CACHE_PURGE_URLS on the instances. */
  purgePort: number;
  /** host:port of the app instance. */
  upstream: string;
};

export type VarnishFront = { url: string; purgeUrl: string; stop(): Promise<void> };

export function varnishdBinary(): string | null {
  return VARNISHD_CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** deploy/varnish.vcl with its backend pointed at `upstream`: the file as deployed, nothing else changed. */
export function frontVcl(upstream: string): string {
  const separator = upstream.lastIndexOf(":");
  const host = upstream.slice(0, separator).replace(/^\[|\]$/g, "");
  const port = upstream.slice(separator + 1);
  if (separator < 0 || !/^\d+$/.test(port)) throw new Error(`upstream must be host:port, got "${upstream}"`);
  const vcl = fs.readFileSync(DEPLOYED_VCL, "utf8");
  const backend = /backend default \{\s*\.host = "[^"]*";\s*\.port = "[^"]*";\s*\}/;
  if (!backend.test(vcl)) throw new Error(`${DEPLOYED_VCL} has no "backend default { .host …; .port …; }" block to point at ${upstream}`);
  return vcl.replace(backend, `backend default {\n    .host = "${host}";\n    .port = "${port}";\n}`);
}

async function answers(url: string): Promise<boolean> {
  try {
    await (await fetch(url, { method: "BAN", signal: AbortSignal.timeout(1_000) })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Starts varnishd in the foreground with a working directory of its own; resolves once it listens. */
export async function startVarnishFront({ port, purgePort, upstream }: VarnishFrontOptions): Promise<VarnishFront> {
  const binary = varnishdBinary();
  if (!binary) throw new Error("varnishd is not installed: apt-get install varnish (the label page's caching front)");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-varnish-"));
  const vclFile = path.join(workDir, "carbonlabel.vcl");
  fs.writeFileSync(vclFile, frontVcl(upstream));
  fs.chmodSync(workDir, 0o755);
  fs.chmodSync(vclFile, 0o644);
  const child: ChildProcess = spawn(
    binary,
    // -F: in the foreground, stopped with the test; -T none: no management port to collide with
    // another run's; -n: this run's own state directory.
    ["-F", "-n", path.join(workDir, "state"), "-T", "none", "-a", `public=127.0.0.1:${port}`, "-a", `purge=127.0.0.1:${purgePort}`, "-f", vclFile, "-s", "malloc,128m"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  const purgeUrl = `http://127.0.0.1:${purgePort}`;
  const deadline = Date.now() + 30_000;
  while (!(await answers(purgeUrl))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`varnishd did not start on ${port}/${purgePort}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}`, purgeUrl, stop };
}

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main() {
  const front = await startVarnishFront({
    port: Number(argument("--port") ?? 6081),
    purgePort: Number(argument("--purge-port") ?? 6091),
    upstream: argument("--upstream") ?? `127.0.0.1:${process.env.PORT || 3000}`,
  });
  console.log(`[front] ${front.url} → ${argument("--upstream") ?? `127.0.0.1:${process.env.PORT || 3000}`}; bans on ${front.purgeUrl}`);
  console.log(`[front] start the app with FRONT_CACHE_PURGE_URLS=${front.purgeUrl}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void front.stop().then(() => process.exit(0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) void main();
