/**
 * A small PACT host of the tests' own, on loopback: the partner the platform replies to. It
 * issues tokens for one client (HTTP Basic, like the conformance suite's callback host), accepts
 * events only with a token it issued, and records what arrived. Over HTTPS with a certificate
 * made for the test (integration tests), or plain HTTP on a Unix socket behind Caddy (e2e).
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";

export const TEST_PARTNER_CLIENT = { id: "carbonlabel-test-partner", secret: "test-partner-secret-0123456789" };

export type ReceivedEvent = { path: string; contentType: string; body: Record<string, unknown> & { type: string; data: Record<string, unknown> } };

export type TestPactHost = {
  /** https://localhost:<port> (TLS), or null when listening on a socket behind a proxy. */
  baseUrl: string | null;
  /** Trusts the host's certificate, for the platform's partner transport. */
  agent: https.Agent | null;
  tokensIssued: () => number;
  events: ReceivedEvent[];
  /** Errors thrown by the host's own `answer`, for a test to fail on. */
  answerFailures: unknown[];
  /** The footprint paths read at the host (GET /3/footprints/{id}). */
  footprintReads: string[];
  /** What the host serves at GET {base}/3/footprints/{id}, by id (add to it to serve more). */
  footprints: Map<string, unknown>;
  /** Resolves with the next event that satisfies `match` (or one already received). */
  nextEvent: (match: (event: ReceivedEvent) => boolean, timeoutMs?: number) => Promise<ReceivedEvent>;
  /** Makes the events endpoint answer with this status (e.g. 503 to test retries). */
  answerEventsWith: (status: number) => void;
  close: () => Promise<void>;
};

/** A self-signed certificate for localhost and 127.0.0.1, made with OpenSSL into a temporary folder. */
function loopbackCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbonlabel-pact-host-"));
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout", keyFile, "-out", certFile,
  ], { stdio: "ignore" });
  const pair = { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8") };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

type TestPactHostOptions = {
  socketPath?: string;
  /**
   * How the host answers an event it accepted, as a partner's host does: after its 200 has gone
   * out (asynchronously), e.g. by posting a RequestFulfilledEvent back to the sender's /3/events.
   */
  answer?: (event: ReceivedEvent) => Promise<void>;
  /** Footprints the host serves at GET {base}/3/footprints/{id} (with a token it issued), by id. */
  footprints?: Map<string, unknown>;
};

export async function startTestPactHost(options: TestPactHostOptions = {}): Promise<TestPactHost> {
  const tokens = new Set<string>();
  const events: ReceivedEvent[] = [];
  const waiters: { match: (event: ReceivedEvent) => boolean; resolve: (event: ReceivedEvent) => void }[] = [];
  let eventStatus = 200;
  const answerFailures: unknown[] = [];
  const footprintReads: string[] = [];
  const footprints = options.footprints ?? new Map<string, unknown>();

  const handler = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://partner");
    const body = await readBody(request);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(value));
    };
    // Under any base path: one test host stands in for several partners' hosts.
    if (request.method === "POST" && url.pathname.endsWith("/auth/token")) {
      const expected = `Basic ${Buffer.from(`${TEST_PARTNER_CLIENT.id}:${TEST_PARTNER_CLIENT.secret}`).toString("base64")}`;
      if (request.headers.authorization !== expected || new URLSearchParams(body).get("grant_type") !== "client_credentials") {
        return json(401, { error: "invalid_client", error_description: "Authentication failed" });
      }
      const token = crypto.randomBytes(16).toString("hex");
      tokens.add(token);
      return json(200, { access_token: token, token_type: "Bearer", expires_in: 3600 });
    }
    if (request.method === "POST" && url.pathname.endsWith("/3/events")) {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      if (!token || !tokens.has(token)) return json(401, { code: "BadRequest", message: "Invalid token" });
      if (eventStatus !== 200) return json(eventStatus, { code: "InternalError", message: "Unavailable" });
      const event: ReceivedEvent = { path: url.pathname, contentType: String(request.headers["content-type"] ?? ""), body: JSON.parse(body) };
      events.push(event);
      for (const waiter of waiters.filter((candidate) => candidate.match(event))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
      response.writeHead(200);
      response.end();
      if (options.answer) {
        const answer = options.answer;
        setImmediate(() => void answer(event).catch((error: unknown) => answerFailures.push(error)));
      }
      return;
    }
    const footprintId = /\/3\/footprints\/([^/]+)$/.exec(url.pathname)?.[1];
    if (request.method === "GET" && footprintId) {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      if (!token || !tokens.has(token)) return json(401, { code: "BadRequest", message: "Invalid token" });
      footprintReads.push(url.pathname);
      const served = footprints.get(decodeURIComponent(footprintId));
      return served === undefined ? json(404, { code: "NotFound", message: "No such footprint" }) : json(200, { data: served });
    }
    return json(404, { code: "NotFound", message: "No such endpoint" });
  };
  const listener = (request: http.IncomingMessage, response: http.ServerResponse) => void handler(request, response);

  let server: http.Server;
  let baseUrl: string | null = null;
  let agent: https.Agent | null = null;
  if (options.socketPath) {
    fs.rmSync(options.socketPath, { force: true });
    server = http.createServer(listener);
    await new Promise<void>((resolve) => server.listen(options.socketPath, resolve));
  } else {
    const certificate = loopbackCertificate();
    server = https.createServer(certificate, listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    baseUrl = `https://localhost:${port}`;
    agent = new https.Agent({ ca: certificate.cert });
  }

  return {
    baseUrl,
    agent,
    tokensIssued: () => tokens.size,
    events,
    answerFailures,
    footprintReads,
    footprints,
    nextEvent: (match, timeoutMs = 20_000) => {
      const already = events.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("the test PACT host received no matching event in time")), timeoutMs);
        waiters.push({ match, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
    answerEventsWith: (status) => {
      eventStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
