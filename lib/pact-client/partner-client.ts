import "server-only";
import https from "node:https";
import { CLOUDEVENTS_MEDIA_TYPE, PARTNER_PATHS, type DeliveryErrorKind } from "@/lib/pact/vocabulary";
import type { OutgoingPactEvent } from "@/lib/pact/events";

/**
 * The platform as a client of a partner's PACT host: OpenID discovery of its token endpoint
 * (falling back to `{base}/auth/token`), the client-credentials grant, `POST /3/events` and
 * `GET /3/footprints/{id}`.
 * Over `node:https` only: plain http is never spoken, and redirects are never followed, so a
 * partner's answer cannot send the platform to another address.
 */
export type PartnerTransport = {
  /** TLS settings (trusted CAs) for the partner's host; the system's trust store by default. */
  agent?: https.Agent;
  timeoutMs?: number;
};

/** Why an attempt failed, stored on the delivery as `kind` or `kind:detail` for the inbox to explain. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: Exclude<DeliveryErrorKind, "removed" | "cancelled" | "unknown">,
    readonly detail?: string,
  ) {
    super(detail ? `${kind}:${detail}` : kind);
    this.name = "DeliveryError";
  }
}

/** A partner's answers are short: more than this is not read. */
const MAX_RESPONSE_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

type PartnerResponse = { status: number; contentType: string; body: string };

/** Thrown when a response is longer than the caller reads (a footprint is at most 1 MB). */
export class ResponseTooLargeError extends Error {
  constructor() {
    super("response too large");
    this.name = "ResponseTooLargeError";
  }
}

function call(
  url: URL,
  init: { method: "GET" | "POST"; headers: Record<string, string>; body?: string; maxBytes?: number },
  transport: PartnerTransport,
  step: "token" | "event",
): Promise<PartnerResponse> {
  if (url.protocol !== "https:") return Promise.reject(new DeliveryError(step, "not-https"));
  const limit = init.maxBytes;
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method: init.method, headers: init.headers, agent: transport.agent, timeout: transport.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          // A caller with a limit of its own refuses a longer answer rather than read part of it.
          if (limit !== undefined && size > limit) return request.destroy(new ResponseTooLargeError());
          if (size <= (limit ?? MAX_RESPONSE_BYTES)) chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, contentType: String(response.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", (error) => reject(new DeliveryError("network", (error as NodeJS.ErrnoException).code ?? "response")));
      },
    );
    request.on("timeout", () => request.destroy(new DeliveryError("timeout")));
    request.on("error", (error) =>
      reject(error instanceof DeliveryError || error instanceof ResponseTooLargeError ? error : new DeliveryError("network", (error as NodeJS.ErrnoException).code ?? "request")),
    );
    request.end(init.body);
  });
}

function jsonOf(response: PartnerResponse): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(response.body);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The partner's token endpoint: from its OpenID configuration when it has one (HTTPS only), else `{base}/auth/token`. */
export async function tokenEndpointOf(baseUrl: string, transport: PartnerTransport = {}): Promise<URL> {
  const fallback = new URL(`${baseUrl}${PARTNER_PATHS.token}`);
  try {
    const response = await call(new URL(`${baseUrl}${PARTNER_PATHS.openIdConfiguration}`), { method: "GET", headers: { accept: "application/json" } }, transport, "token");
    const endpoint = response.status === 200 ? jsonOf(response)?.token_endpoint : undefined;
    if (typeof endpoint === "string" && endpoint.startsWith("https://")) return new URL(endpoint);
  } catch (error) {
    // No discovery document (or none reachable): PACT says to assume `{base}/auth/token`.
    if (!(error instanceof DeliveryError)) throw error;
  }
  return fallback;
}

/** RFC 6749 §2.3.1: each credential form-encoded, then `id:secret` in base64. */
function basicCredentials(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`;
}

export async function fetchAccessToken(endpoint: URL, clientId: string, clientSecret: string, transport: PartnerTransport = {}): Promise<string> {
  const response = await call(
    endpoint,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", authorization: basicCredentials(clientId, clientSecret) },
      body: "grant_type=client_credentials",
    },
    transport,
    "token",
  );
  if (response.status !== 200) throw new DeliveryError("token", String(response.status));
  const token = jsonOf(response)?.access_token;
  if (typeof token !== "string" || token === "") throw new DeliveryError("token", "no-access-token");
  return token;
}

export async function postEvent(baseUrl: string, accessToken: string, event: OutgoingPactEvent, transport: PartnerTransport = {}): Promise<void> {
  const response = await call(
    new URL(`${baseUrl}${PARTNER_PATHS.events}`),
    {
      method: "POST",
      headers: { "content-type": `${CLOUDEVENTS_MEDIA_TYPE}; charset=UTF-8`, authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(event),
    },
    transport,
    "event",
  );
  if (response.status < 200 || response.status >= 300) throw new DeliveryError("event", String(response.status));
}

/**
 * PACT GetFootprint at the partner's host: the `data` of `GET {url}` (a URL the caller derived
 * from the partner's base URL), read up to `maxBytes`. A 404 is null; any other failure throws
 * (DeliveryError: `event:<status>`, `event:not-json`, network or timeout; ResponseTooLargeError).
 */
export async function getFootprint(url: string, accessToken: string, maxBytes: number, transport: PartnerTransport = {}): Promise<unknown> {
  const response = await call(new URL(url), { method: "GET", headers: { accept: "application/json", authorization: `Bearer ${accessToken}` }, maxBytes }, transport, "event");
  if (response.status === 404) return null;
  if (response.status !== 200) throw new DeliveryError("event", String(response.status));
  const body = jsonOf(response);
  if (!body || !("data" in body)) throw new DeliveryError("event", "not-json");
  return body.data;
}
