import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { loginThrottle } from "@/db/schema";

/** After this many failures each further attempt waits, then the email is locked. */
const FREE_FAILURES = 3;
const LOCK_AFTER_FAILURES = 10;
const LOCK_MINUTES = 15;
/** A quiet hour forgives earlier failures. */
const FORGET_AFTER_MINUTES = 60;

export type ThrottleState = { locked: boolean; delayMs: number };

export async function throttleStateFor(email: string, now = new Date()): Promise<ThrottleState> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.email, email));
  if (!row) return { locked: false, delayMs: 0 };
  if (row.lockedUntil && row.lockedUntil > now) return { locked: true, delayMs: 0 };
  const stale =
    row.lastFailureAt && now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MINUTES * 60_000;
  if (stale || row.failures < FREE_FAILURES) return { locked: false, delayMs: 0 };
  // 0.5 s, 1 s, 2 s … capped at 4 s: slows guessing without blocking the owner.
  const delayMs = Math.min(4_000, 500 * 2 ** (row.failures - FREE_FAILURES));
  return { locked: false, delayMs };
}

export async function recordFailedSignIn(email: string, now = new Date()): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MINUTES * 60_000);
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  await db
    .insert(loginThrottle)
    .values({ email, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.email,
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz
          or (${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= ${now.toISOString()}::timestamptz)
          then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: now,
        lockedUntil: sql`case when ${loginThrottle.failures} + 1 >= ${LOCK_AFTER_FAILURES}
          and (${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} <= ${now.toISOString()}::timestamptz)
          and ${loginThrottle.lastFailureAt} >= ${forgetBefore.toISOString()}::timestamptz
          then ${lockUntil.toISOString()}::timestamptz else ${loginThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.email, email));
}
