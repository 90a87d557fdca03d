import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { apiIdempotencyKeys } from "@/db/schema";
import { ApiProblem } from "./problem";

/** How long a key is remembered, and after how long an unanswered first request counts as lost. */
const KEY_LIFETIME_HOURS = 24;
const ABANDONED_AFTER_SECONDS = 120;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** Headers replayed with the stored response (the rest are set per request). */
const REPLAYED_HEADERS = ["content-type", "location", "link"];

export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY_FORMAT.test(key)) throw new ApiProblem("bad-request", "api.errors.idempotencyKeyFormat");
  return key;
}

function fingerprint(request: Request, body: Uint8Array): string {
  const url = new URL(request.url);
  return createHash("sha256")
    .update(`${request.method}\n${url.pathname}${url.search}\n${request.headers.get("content-type") ?? ""}\n`)
    .update(body)
    .digest("hex");
}

async function claim(clientId: string, key: string, requestHash: string): Promise<boolean> {
  const inserted = await db
    .insert(apiIdempotencyKeys)
    .values({ apiClientId: clientId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: apiIdempotencyKeys.key });
  return inserted.length === 1;
}

/**
 * `Idempotency-Key` on a POST (draft-ietf-httpapi-idempotency-key-header): the first request
 * with a key runs and its response is kept for 24 hours, per client; a retry with the same key
 * and the same request gets that response again (`Idempotent-Replayed: true`) without running
 * anything; the same key with a different request is refused (422), and so is a retry while the
 * first is still running (409). A server error is not kept, so the request can be retried.
 */
export async function withIdempotency(
  clientId: string,
  key: string,
  request: Request,
  body: Uint8Array,
  run: () => Promise<Response>,
): Promise<Response> {
  const requestHash = fingerprint(request, body);
  const lifetimeStart = sql`now() - make_interval(hours => ${KEY_LIFETIME_HOURS})`;
  await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.apiClientId, clientId), eq(apiIdempotencyKeys.key, key), lt(apiIdempotencyKeys.createdAt, lifetimeStart)));
  if (!(await claim(clientId, key, requestHash))) {
    const [existing] = await db
      .select()
      .from(apiIdempotencyKeys)
      .where(and(eq(apiIdempotencyKeys.apiClientId, clientId), eq(apiIdempotencyKeys.key, key)));
    if (existing && existing.requestHash !== requestHash) throw new ApiProblem("idempotency-key-reused");
    if (existing?.responseStatus != null) {
      const headers = new Headers(existing.responseHeaders ?? {});
      headers.set("idempotent-replayed", "true");
      return new Response(existing.responseBody, { status: existing.responseStatus, headers });
    }
    const abandoned = existing && Date.now() - existing.createdAt.getTime() > ABANDONED_AFTER_SECONDS * 1000;
    if (!abandoned) throw new ApiProblem("idempotency-in-progress", undefined, [], { "retry-after": "1" });
    await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.apiClientId, clientId), eq(apiIdempotencyKeys.key, key)));
    if (!(await claim(clientId, key, requestHash))) throw new ApiProblem("idempotency-in-progress", undefined, [], { "retry-after": "1" });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.apiClientId, clientId), eq(apiIdempotencyKeys.key, key)));
    throw error;
  }
  if (response.status >= 500) {
    await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.apiClientId, clientId), eq(apiIdempotencyKeys.key, key)));
    return response;
  }
  const text = await response.clone().text();
  const kept = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
  await db
    .update(apiIdempotencyKeys)
    .set({ responseStatus: response.status, responseHeaders: kept, responseBody: text })
    .where(and(eq(apiIdempotencyKeys.apiClientId, clientId), eq(apiIdempotencyKeys.key, key)));
  return response;
}
