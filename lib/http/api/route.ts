import "server-only";
import { readBoundedBody, readBoundedText } from "@/lib/http/bounded-body";
import type { z } from "zod";
import { authenticateApiRequest } from "@/lib/auth/api-client";
import { consumeRateLimit, type RateLimitPolicy, type RateLimitState } from "@/lib/auth/rate-limit";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { db } from "@/db";
import { executeOperation, type Operation } from "@/lib/domain/operation";
import { OperationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import type { ApiClientActor } from "@/lib/policy";
import { zodFieldErrors } from "@/lib/validation/field-errors";
import { etagOf, matchesIfNoneMatch } from "./etag";
import { idempotencyKeyOf, withIdempotency } from "./idempotency";
import { ApiProblem, fieldProblemsOf, problemFromOperationError, problemResponse } from "./problem";
import { requestLocale } from "./translate";

type ApiContext<Params> = {
  request: Request;
  actor: ApiClientActor;
  params: Params;
  url: URL;
  /** The public origin, for absolute links. */
  baseUrl: string;
  locale: Locale;
};

/** Requests per client per minute, shared by every instance (API_RATE_LIMIT_PER_MINUTE, default 300). */
export function apiRequestPolicy(): RateLimitPolicy {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  return { name: "api", limit: Number.isInteger(configured) && configured > 0 ? configured : 300, windowSeconds: 60 };
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers): the policy and what is left of it. */
function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const { name, limit, windowSeconds } = state.policy;
  return {
    "ratelimit-policy": `"${name}";q=${limit};w=${windowSeconds}`,
    ratelimit: `"${name}";r=${state.remaining};t=${state.resetSeconds}`,
  };
}

const BEARER_CHALLENGE = {
  missing: 'Bearer realm="CarbonLabel"',
  invalid: 'Bearer realm="CarbonLabel", error="invalid_token", error_description="The access token is not valid"',
  expired: 'Bearer realm="CarbonLabel", error="invalid_token", error_description="The access token expired"',
};

const AUTHENTICATION_MESSAGE = { missing: "api.errors.tokenMissing", invalid: "api.errors.tokenInvalid", expired: "api.errors.tokenExpired" };

/** The largest upload (an evidence file or an inventory of 20 MB) with its multipart framing. */
const MAX_REQUEST_BYTES = 21 * 1024 * 1024;

/** Reads: cached by the client only, and revalidated with the ETag on every use. */
const READ_CACHING = { "cache-control": "private, no-cache", vary: "Authorization, Accept-Language" };

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** A 200 GET gets a strong ETag; a matching If-None-Match gets 304 without the body. */
async function conditional(request: Request, response: Response): Promise<Response> {
  if (request.method !== "GET" || response.status !== 200) return response;
  const etag = etagOf(await response.clone().text());
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { etag, ...READ_CACHING } });
  }
  return withHeaders(response, { etag, ...READ_CACHING });
}

/**
 * The one shape of a /api/v1 route handler: bearer authentication (the API actor), the client's
 * rate limit, `Idempotency-Key` on POST, ETags on reads, and every refusal as problem+json.
 * The handler parses its input and calls the same domain operation (or data-access read) the
 * UI uses; the policy inside decides, exactly as for a person.
 */
export function apiRoute<Params = Record<string, never>>(handler: (context: ApiContext<Params>) => Promise<Response>) {
  return async (incoming: Request, segment: { params: Promise<Params> }): Promise<Response> => {
    const url = new URL(incoming.url);
    const baseUrl = publicBaseUrl(incoming.url);
    const locale = requestLocale(incoming);
    const problemContext = { locale, baseUrl, instance: url.pathname };
    let limitHeaders: Record<string, string> = {};
    try {
      const authentication = await authenticateApiRequest(incoming);
      if (!authentication.ok) {
        const problem = new ApiProblem("unauthorized", AUTHENTICATION_MESSAGE[authentication.reason]);
        return problemResponse(problem, problemContext, { "www-authenticate": BEARER_CHALLENGE[authentication.reason] });
      }
      const actor = authentication.actor;
      const limit = await consumeRateLimit(db, actor.apiClient.id, apiRequestPolicy());
      limitHeaders = rateLimitHeaders(limit);
      if (limit.exceeded) {
        return problemResponse(new ApiProblem("rate-limited"), problemContext, { ...limitHeaders, "retry-after": String(limit.resetSeconds) });
      }
      const params = await segment.params;
      const key = incoming.method === "POST" ? idempotencyKeyOf(incoming) : null;
      // The body is read once, counted as it arrives: for the idempotency fingerprint, then handed on to the handler.
      const body = incoming.method === "GET" || incoming.method === "DELETE" ? null : await readBoundedBody(incoming, MAX_REQUEST_BYTES);
      if (body && !body.ok) throw body.reason === "too_large" ? new ApiProblem("payload-too-large") : new ApiProblem("bad-request");
      const request = body ? new Request(incoming, { body: body.bytes }) : incoming;
      const run = async () => {
        try {
          return await handler({ request, actor, params, url, baseUrl, locale });
        } catch (error) {
          if (error instanceof ApiProblem) return problemResponse(error, problemContext);
          if (error instanceof OperationError) return problemResponse(problemFromOperationError(error), problemContext);
          throw error;
        }
      };
      const response = key && body ? await withIdempotency(actor.apiClient.id, key, request, body.bytes, run) : await run();
      return withHeaders(await conditional(request, response), limitHeaders);
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error, problemContext, limitHeaders);
      console.error(`[api] ${incoming.method} ${url.pathname} failed:`, error);
      return problemResponse(new ApiProblem("server-error"), problemContext, limitHeaders);
    }
  };
}

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers: { "content-type": "application/json", ...init.headers } });
}

/** JSON bodies are small: a megabyte is far more than any request of this API needs. */
const MAX_JSON_BYTES = 1024 * 1024;

/** A JSON request body parsed by the same zod schema the form uses; field errors point into it. */
export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";
  if (type !== "application/json" && !type.endsWith("+json")) throw new ApiProblem("unsupported-media-type", "api.errors.jsonExpected");
  const text = await readBoundedText(request, MAX_JSON_BYTES);
  if (text === null) throw new ApiProblem("payload-too-large");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiProblem("bad-request", "api.errors.malformedJson");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiProblem("validation", "errors.validation", fieldProblemsOf(zodFieldErrors(parsed.error), "body"));
  return parsed.data;
}

/** Runs a domain operation in its transaction; a refusal becomes the route's problem response. */
export async function perform<Input, Output>(operation: Operation<Input, Output>, actor: ApiClientActor, input: Input): Promise<Output> {
  const outcome = await executeOperation(operation, actor, input);
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}

/** A read that found nothing the actor may see: 404, whether it is missing or another's. */
export function found<T>(value: T | null): T {
  if (value === null) throw new ApiProblem("not-found", "errors.notFound");
  return value;
}

/** Ids from the path, by the operation's own schema: a malformed id names nothing, so 404. */
export function pathParams<Schema extends z.ZodType>(schema: Schema, params: unknown): z.output<Schema> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new ApiProblem("not-found", "errors.notFound");
  return parsed.data;
}

/** A multipart/form-data body (file uploads); anything else is 415. */
export async function readFormBody(request: Request): Promise<FormData> {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "multipart/form-data") throw new ApiProblem("unsupported-media-type", "api.errors.multipartExpected");
  try {
    return await request.formData();
  } catch {
    throw new ApiProblem("bad-request", "api.errors.malformedMultipart");
  }
}
