import "server-only";
import { db } from "@/db";
import { authenticateApiRequest } from "@/lib/auth/api-client";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { ForbiddenError, NotFoundError, OperationError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { PACT_ERROR_STATUS, type PactErrorCode } from "@/lib/pact/vocabulary";
import type { ApiClientActor } from "@/lib/policy";
import { apiRequestPolicy } from "./api/route";
import { translateMessage } from "./api/translate";

/**
 * The shared shape of the PACT v3 routes (`/3/...`): bearer authentication with the same API
 * clients and tokens as the REST API, the same per-client rate limit, and every refusal as a
 * PACT Error object `{ code, message }` with the status the code goes with.
 */
type PactContext<Params> = {
  request: Request;
  actor: ApiClientActor;
  params: Params;
  url: URL;
  /** The public origin (PUBLIC_BASE_URL): absolute links and the `source` of replies. */
  baseUrl: string;
  locale: Locale;
};

/** A refusal the PACT layer answers directly. */
export class PactError extends Error {
  constructor(
    readonly code: PactErrorCode,
    message: string,
    readonly status: number = PACT_ERROR_STATUS[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "PactError";
  }
}

function pactErrorResponse(error: PactError): Response {
  return Response.json({ code: error.code, message: error.message }, { status: error.status, headers: { "cache-control": "no-store", ...error.headers } });
}

/** PACT is specified in English: messages are English unless the client asks for Chinese. */
function pactLocale(request: Request): Locale {
  return /(^|,)\s*zh/i.test(request.headers.get("accept-language") ?? "") ? "zh-CN" : "en";
}

const CHALLENGE = {
  missing: 'Bearer realm="CarbonLabel PACT"',
  invalid: 'Bearer realm="CarbonLabel PACT", error="invalid_token"',
  expired: 'Bearer realm="CarbonLabel PACT", error="invalid_token", error_description="The access token expired"',
};

/** An operation's refusal as a PACT error. */
export function pactErrorOf(error: OperationError, locale: Locale): PactError {
  // PACT's Error object has only a message: a refused field and its reason are named in it.
  const fields = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => `${field}: ${messages.map((text) => translateMessage(locale, text)).join(" ")}`);
  const message = [translateMessage(locale, error.message), ...fields].join(" — ");
  if (error instanceof RateLimitedError) return new PactError("BadRequest", message, 429, { "retry-after": String(error.retryAfterSeconds) });
  if (error instanceof UnauthenticatedError) return new PactError("BadRequest", message, 401);
  if (error instanceof ForbiddenError) return new PactError("AccessDenied", message);
  if (error instanceof NotFoundError) return new PactError("NotFound", message);
  return new PactError("BadRequest", message);
}

export function pactRoute<Params = Record<string, never>>(handler: (context: PactContext<Params>) => Promise<Response>) {
  return async (request: Request, segment: { params: Promise<Params> }): Promise<Response> => {
    const url = new URL(request.url);
    const locale = pactLocale(request);
    try {
      const authentication = await authenticateApiRequest(request);
      if (!authentication.ok) {
        // PACT 3.0: an expired token is `TokenExpired`; a missing or unusable one is a bad request, both 401.
        const expired = authentication.reason === "expired";
        return pactErrorResponse(
          new PactError(
            expired ? "TokenExpired" : "BadRequest",
            translateMessage(locale, expired ? "api.errors.tokenExpired" : authentication.reason === "missing" ? "api.errors.tokenMissing" : "api.errors.tokenInvalid"),
            401,
            { "www-authenticate": CHALLENGE[authentication.reason] },
          ),
        );
      }
      const limit = await consumeRateLimit(db, authentication.actor.apiClient.id, apiRequestPolicy());
      if (limit.exceeded) throw new RateLimitedError(limit.resetSeconds, "api.errors.rateLimited");
      return await handler({ request, actor: authentication.actor, params: await segment.params, url, baseUrl: publicBaseUrl(request.url), locale });
    } catch (error) {
      if (error instanceof PactError) return pactErrorResponse(error);
      if (error instanceof OperationError) return pactErrorResponse(pactErrorOf(error, locale));
      console.error(`[pact] ${request.method} ${url.pathname} failed:`, error);
      return pactErrorResponse(new PactError("InternalError", translateMessage(locale, "pact.errors.internal")));
    }
  };
}

/** Reads are private to the client and never stale: a footprint's status can change. */
export function pactJson(body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { headers: { "cache-control": "private, no-store", ...headers } });
}
