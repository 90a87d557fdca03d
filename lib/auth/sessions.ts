import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { userSessions } from "@/db/schema";

/**
 * OWASP ASVS 5.0 V7.3 / NIST SP 800-63B-4 (AAL2: re-authenticate at least every 24 hours and
 * after at most 1 hour of inactivity): a session ends after 30 minutes without a request and
 * 12 hours after sign-in however active it is — a working day, stricter than AAL2 on both.
 */
export const SESSION_IDLE_TIMEOUT_MINUTES = 30;
export const SESSION_ABSOLUTE_LIFETIME_HOURS = 12;
/** lastSeenAt is refreshed at most this often: one write a minute per active session, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;
/** A password change may check the current password this many times per session (stolen-session guessing). */
export const PASSWORD_CHECKS_PER_SESSION = 5;

const idleCutoff = (now: Date) => new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MINUTES * 60_000);

/** Opens the session of a sign-in that has just been verified; the cookie will carry its id. */
export async function openSession(userId: string, now = new Date()): Promise<{ sessionId: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_HOURS * 3_600_000);
  const [row] = await db
    .insert(userSessions)
    .values({ userId, createdAt: now, lastSeenAt: now, expiresAt })
    .returning({ sessionId: userSessions.id });
  return { sessionId: row.sessionId, expiresAt };
}

/** Conditions under which a session still counts: open, inside its lifetime and its idle timeout. */
export function liveSessionCondition(sessionId: string, userId: string, now: Date) {
  return and(
    eq(userSessions.id, sessionId),
    eq(userSessions.userId, userId),
    isNull(userSessions.endedAt),
    gt(userSessions.expiresAt, now),
    gt(userSessions.lastSeenAt, idleCutoff(now)),
  );
}

export async function isSessionLive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const [row] = await db.select({ id: userSessions.id }).from(userSessions).where(liveSessionCondition(sessionId, userId, now));
  return !!row;
}

/** Records activity for the idle timeout (only when the last record is older than a minute). */
export async function touchSession(sessionId: string, lastSeenAt: Date, now = new Date()): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return;
  await db
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, now)));
}

/**
 * Takes one of the session's current-password checks; false once they are used up. Counted
 * outside the password change's transaction, so a refused attempt still counts.
 */
export async function takePasswordCheck(sessionId: string): Promise<boolean> {
  const [row] = await db
    .update(userSessions)
    .set({ passwordChecks: sql`${userSessions.passwordChecks} + 1` })
    .where(and(eq(userSessions.id, sessionId), lt(userSessions.passwordChecks, PASSWORD_CHECKS_PER_SESSION)))
    .returning({ id: userSessions.id });
  return !!row;
}
