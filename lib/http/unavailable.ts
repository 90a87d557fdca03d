import "server-only";
import { isConnectionError, RETRY_AFTER_SECONDS } from "@/db/availability";
import { StorageUnavailableError } from "@/lib/storage";

/** The database or the file storage did not answer: a temporary condition, not a bug. */
function isTemporarilyUnavailable(error: unknown): boolean {
  return error instanceof StorageUnavailableError || isConnectionError(error);
}

/** 503 with `Retry-After`: clients and proxies wait and try again instead of giving up. */
function serviceUnavailable(retryAfterSeconds = RETRY_AFTER_SECONDS): Response {
  return Response.json(
    { error: "service_unavailable" },
    { status: 503, headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" } },
  );
}

/**
 * Wraps a route handler so that a database or storage outage while it runs answers 503 with
 * `Retry-After` rather than 500; anything else still propagates as the bug it is.
 */
export function answeringUnavailable<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isTemporarilyUnavailable(error)) throw error;
      console.error("[http] answering 503:", (error as Error).message);
      return serviceUnavailable();
    }
  };
}
