import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { loginThrottle, rateLimitCounters } from "@/db/schema";
import { MAX_PROOF_LEVEL } from "./proof-of-work";

/**
 * Sign-in throttling (OWASP ASVS 5.0 V6.1.1, V6.3.1). Every attempt is counted BEFORE its
 * password is checked, in one transaction that locks the counters, so parallel requests cannot
 * all slip under the limit. Free attempts per account and per client address; past them an
 * attempt needs a solved proof of work, harder the more an account has failed. There is no lock:
 * whoever floods an account makes each guess cost seconds of computation, and the rightful user
 * still signs in by letting the browser solve the challenge (or through a password reset link,
 * which clears the account's counter).
 */
export const ACCOUNT_FREE_ATTEMPTS = 5;
/** Each further ten failures on an account double the work of its proof. */
const ACCOUNT_FAILURES_PER_LEVEL = 10;
/** A quiet hour forgives an account's failures. */
const ACCOUNT_FORGET_AFTER_MINUTES = 60;
/** Failed attempts from one client address (across accounts: credential stuffing) per window. */
export const ADDRESS_FREE_ATTEMPTS = 20;
const ADDRESS_WINDOW_MINUTES = 15;

type SignInSource = { email: string; address: string };

const addressKey = (address: string) => `sign-in:${address}`;

/** The proof level the attempt after `failures` earlier ones needs (0 = none). */
function accountProofLevel(failures: number): number {
  if (failures < ACCOUNT_FREE_ATTEMPTS) return 0;
  return Math.min(MAX_PROOF_LEVEL, 1 + Math.floor((failures - ACCOUNT_FREE_ATTEMPTS) / ACCOUNT_FAILURES_PER_LEVEL));
}

/** What the next attempt from this source must prove (0 = nothing), for the challenge it is sent. */
export async function requiredProofLevel({ email, address }: SignInSource, now = new Date()): Promise<number> {
  const [account] = await db.select().from(loginThrottle).where(eq(loginThrottle.email, email));
  const [source] = await db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, addressKey(address)));
  const forgetBefore = now.getTime() - ACCOUNT_FORGET_AFTER_MINUTES * 60_000;
  const failures = account && account.lastFailureAt && account.lastFailureAt.getTime() >= forgetBefore ? account.failures : 0;
  const windowStart = now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000;
  const addressExhausted = !!source && source.windowStartedAt.getTime() >= windowStart && source.count >= ADDRESS_FREE_ATTEMPTS;
  return Math.max(accountProofLevel(failures), addressExhausted ? 1 : 0);
}

class AttemptRefused extends Error {}

/**
 * Counts one attempt on the account and the address, unless the free attempts are used up and
 * `proofLevel` (of a proof already redeemed) is below what the account's failures require.
 * True when the attempt was counted and its password may be checked.
 */
export async function reserveSignInAttempt({ email, address }: SignInSource, proofLevel: number, now = new Date()): Promise<boolean> {
  const forgetBefore = new Date(now.getTime() - ACCOUNT_FORGET_AFTER_MINUTES * 60_000).toISOString();
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000).toISOString();
  const at = now.toISOString();
  try {
    await db.transaction(async (tx) => {
      const stale = sql`${loginThrottle.lastFailureAt} is null or ${loginThrottle.lastFailureAt} < ${forgetBefore}::timestamptz`;
      const [account] = await tx
        .insert(loginThrottle)
        .values({ email, failures: 1, lastFailureAt: now })
        .onConflictDoUpdate({
          target: loginThrottle.email,
          set: {
            failures: sql`case when ${stale} then 1 else ${loginThrottle.failures} + 1 end`,
            lastFailureAt: now,
          },
          // Evaluated on the locked, latest row: concurrent attempts see each other's counts.
          setWhere: sql`(${stale}) or ${loginThrottle.failures} < ${ACCOUNT_FREE_ATTEMPTS}
            or ${proofLevel} >= least(${MAX_PROOF_LEVEL}, 1 + (${loginThrottle.failures} - ${ACCOUNT_FREE_ATTEMPTS}) / ${ACCOUNT_FAILURES_PER_LEVEL})`,
        })
        .returning({ failures: loginThrottle.failures });
      if (!account) throw new AttemptRefused();
      const expired = sql`${rateLimitCounters.windowStartedAt} < ${windowStart}::timestamptz`;
      const [source] = await tx
        .insert(rateLimitCounters)
        .values({ key: addressKey(address), count: 1, windowStartedAt: now })
        .onConflictDoUpdate({
          target: rateLimitCounters.key,
          set: {
            count: sql`case when ${expired} then 1 else ${rateLimitCounters.count} + 1 end`,
            windowStartedAt: sql`case when ${expired} then ${at}::timestamptz else ${rateLimitCounters.windowStartedAt} end`,
          },
          setWhere: sql`(${expired}) or ${rateLimitCounters.count} < ${ADDRESS_FREE_ATTEMPTS} or ${proofLevel} >= 1`,
        })
        .returning({ count: rateLimitCounters.count });
      if (!source) throw new AttemptRefused();
    });
    return true;
  } catch (error) {
    if (error instanceof AttemptRefused) return false;
    throw error;
  }
}

/** The password was right: the account starts afresh, and this attempt no longer counts against the address. */
export async function recordSignInSuccess({ email, address }: SignInSource): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.email, email));
  await db
    .update(rateLimitCounters)
    .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
    .where(eq(rateLimitCounters.key, addressKey(address)));
}

/**
 * Takes one of `limit` uses of `key` in a fixed window of `windowMinutes` (e.g. sign-ups per
 * address); false once they are used up. Atomic like the sign-in counters.
 */
export async function takeAllowance(key: string, limit: number, windowMinutes: number, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const expired = sql`${rateLimitCounters.windowStartedAt} < ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimitCounters.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimitCounters.windowStartedAt} end`,
      },
      setWhere: sql`(${expired}) or ${rateLimitCounters.count} < ${limit}`,
    })
    .returning({ count: rateLimitCounters.count });
  return !!row;
}
