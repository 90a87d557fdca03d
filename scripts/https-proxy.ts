/**
 * CarbonLabel over HTTPS behind Caddy, on this machine: `tls internal` issues a local certificate
 * from Caddy's own CA, and the port speaks TLS only — no plain-HTTP listener and no redirect, as
 * the PACT host must (a plain-HTTP request to it fails). Used by the e2e server and for running
 * the PACT conformance suite; production puts Caddy (or nginx) with a public certificate in front
 * the same way (README, "HTTPS and the PACT host").
 *
 *   npx tsx scripts/https-proxy.ts [--port 8443] [--upstream 127.0.0.1:3000] [--route /prefix=host:port]
 *
 * `--route` forwards a path prefix (stripped) to another upstream, e.g. the conformance suite's
 * callback server, so it is reachable over HTTPS as a partner host under the same origin.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

type ProxyRoute = { prefix: string; upstream: string };

type CaddyOptions = {
  httpsPort: number;
  /** host:port of the app, or unix//path of a socket. */
  upstream: string;
  /** Caddy's storage: its local CA and the certificates it issued. */
  storageDir: string;
  routes?: ProxyRoute[];
};

function caddyfile({ httpsPort, upstream, storageDir, routes = [] }: CaddyOptions): string {
  const routeBlocks = routes
    .map((route) => `\thandle_path ${route.prefix}/* {\n\t\treverse_proxy ${route.upstream}\n\t}\n`)
    .join("");
  return `{
\t# No admin endpoint: several proxies may run side by side on one machine.
\tadmin off
\t# TLS only on the site's port: no :80 listener answering plain HTTP with a redirect.
\tauto_https disable_redirects
\t# The local CA stays in Caddy's storage; nothing is added to the system's trust store.
\tskip_install_trust
\tstorage file_system {
\t\troot ${storageDir}
\t}
}

https://localhost:${httpsPort} {
\ttls internal
${routeBlocks}\thandle {
\t\treverse_proxy ${upstream}
\t}
}
`;
}

/** The root certificate of Caddy's local CA: what a client (or NODE_EXTRA_CA_CERTS) trusts. */
function caddyRootCertificate(storageDir: string): string {
  return path.join(storageDir, "pki", "authorities", "local", "root.crt");
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts Caddy and waits until its local CA exists (it issues the site certificate from it). */
export async function startCaddy(options: CaddyOptions): Promise<{ process: ChildProcess; rootCertificate: string; stop: () => void }> {
  fs.mkdirSync(options.storageDir, { recursive: true });
  const config = path.join(options.storageDir, `Caddyfile-${options.httpsPort}`);
  fs.writeFileSync(config, caddyfile(options));
  const caddy = spawn(process.env.CADDY_BIN || "caddy", ["run", "--config", config, "--adapter", "caddyfile"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, HOME: options.storageDir },
  });
  let exited: number | null = null;
  let errors = "";
  caddy.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString("utf8")).slice(-4000);
  });
  caddy.on("exit", (code) => {
    exited = code ?? 0;
  });
  const rootCertificate = caddyRootCertificate(options.storageDir);
  try {
    await waitFor(() => exited !== null || fs.existsSync(rootCertificate), 30_000, "Caddy's local CA");
  } catch (error) {
    caddy.kill("SIGTERM");
    throw error;
  }
  if (exited !== null) throw new Error(`caddy exited (${exited}):\n${errors}`);
  return { process: caddy, rootCertificate, stop: () => void caddy.kill("SIGTERM") };
}

function argument(name: string): string[] {
  const values: string[] = [];
  const args = process.argv.slice(2);
  for (let index = 0; index < args.length; index++) if (args[index] === name && args[index + 1]) values.push(args[index + 1]);
  return values;
}

async function main() {
  const httpsPort = Number(argument("--port")[0] ?? process.env.HTTPS_PORT ?? 8443);
  const upstream = argument("--upstream")[0] ?? `127.0.0.1:${process.env.PORT || 3000}`;
  const routes = argument("--route").map((value) => {
    const [prefix, target] = value.split("=");
    return { prefix: prefix.replace(/\/+$/, ""), upstream: target };
  });
  const storageDir = path.resolve(process.env.CADDY_DATA_DIR || path.join(process.cwd(), ".data", "caddy"));
  const caddy = await startCaddy({ httpsPort, upstream, storageDir, routes });
  console.log(`[https] https://localhost:${httpsPort} → ${upstream}${routes.map((route) => `, ${route.prefix} → ${route.upstream}`).join("")}`);
  console.log(`[https] local CA certificate: ${caddy.rootCertificate} (trust it with NODE_EXTRA_CA_CERTS)`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => caddy.stop());
  caddy.process.on("exit", (code) => process.exit(code ?? 0));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
