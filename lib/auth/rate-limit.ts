import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiRateLimitWindows } from "@/db/schema";

/** `name` labels the policy in the RateLimit-Policy header and separates its counters. */
export type RateLimitPolicy = { name: string; limit: number; windowSeconds: number };

export type RateLimitState = {
  policy: RateLimitPolicy;
  remaining: number;
  /** Seconds until the current window ends. */
  resetSeconds: number;
  exceeded: boolean;
};

/**
 * Counts one request against a fixed window in PostgreSQL, so every app instance shares the
 * count: one upsert per request, and the key's older window is removed when a new one opens.
 */
export async function consumeRateLimit(executor: DbOrTx, key: string, policy: RateLimitPolicy, now = new Date()): Promise<RateLimitState> {
  const windowMs = policy.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const counterKey = `${policy.name}:${key}`;
  const [row] = await executor
    .insert(apiRateLimitWindows)
    .values({ key: counterKey, windowStart, requests: 1 })
    .onConflictDoUpdate({
      target: [apiRateLimitWindows.key, apiRateLimitWindows.windowStart],
      set: { requests: sql`${apiRateLimitWindows.requests} + 1` },
    })
    .returning({ requests: apiRateLimitWindows.requests });
  if (row.requests === 1) {
    await executor
      .delete(apiRateLimitWindows)
      .where(and(eq(apiRateLimitWindows.key, counterKey), lt(apiRateLimitWindows.windowStart, windowStart)));
  }
  return {
    policy,
    remaining: Math.max(0, policy.limit - row.requests),
    resetSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
    exceeded: row.requests > policy.limit,
  };
}
