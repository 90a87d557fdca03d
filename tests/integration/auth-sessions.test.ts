/**
 * Issue 11, defect 4: sign-out ends the session for good (a copied cookie too), sessions have an
 * idle timeout and an absolute lifetime, "sign out everywhere" for the user and for the
 * operator, and a password change ends the other sessions.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, notifications, users, userSessions } from "@/db/schema";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { signOutEverywhereAction } from "@/lib/actions/account/sign-out-everywhere";
import { endUserSessionsAction } from "@/lib/actions/admin/end-user-sessions";
import { signOutAction } from "@/lib/actions/session/sign-out";
import { getCurrentUser } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import { openSession, PASSWORD_CHECKS_PER_SESSION, SESSION_IDLE_TIMEOUT_MINUTES } from "@/lib/auth/sessions";
import { executeOperation } from "@/lib/domain/operation";
import { signOutEverywhere } from "@/lib/domain/sessions/sign-out-everywhere";
import { changePassword } from "@/lib/domain/users/change-password";
import { endUserSessions } from "@/lib/domain/users/end-user-sessions";
import { ForbiddenError } from "@/lib/errors";
import { systemActor } from "@/lib/policy";
import { actAs, createUser, TEST_PASSWORD } from "../support/factories";

// Clearing the cookie needs a browser; what matters here is the session row.
const clearCookie = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/lib/auth", () => ({ signOut: clearCookie }));

type User = Awaited<ReturnType<typeof createUser>>;

/** A sign-in of its own: what a second browser holds. */
async function browser(user: User) {
  const session = await openSession(user.id);
  return { sessionId: session.sessionId, expiresAt: Math.floor(session.expiresAt.getTime() / 1_000) };
}

async function signedInAs(user: User, session: Awaited<ReturnType<typeof browser>>) {
  actAs(user, session);
  return (await getCurrentUser())?.id === user.id;
}

describe("sign-out", () => {
  it("ends the session: the same cookie, replayed, no longer loads anything", async () => {
    const user = await createUser("enterprise");
    const cookie = await browser(user);
    expect(await signedInAs(user, cookie)).toBe(true);
    await signOutAction();
    expect(clearCookie).toHaveBeenCalled();
    expect(await signedInAs(user, cookie)).toBe(false);
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, cookie.sessionId));
    expect(row.endedAt).not.toBeNull();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.signOut"))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);
  });

  it("leaves the user's other sessions alone", async () => {
    const user = await createUser("verifier");
    const [here, elsewhere] = [await browser(user), await browser(user)];
    actAs(user, here);
    await signOutAction();
    expect(await signedInAs(user, here)).toBe(false);
    expect(await signedInAs(user, elsewhere)).toBe(true);
  });
});

describe("timeouts", () => {
  it(`ends a session after ${SESSION_IDLE_TIMEOUT_MINUTES} minutes without a request`, async () => {
    const user = await createUser("regulator");
    const cookie = await browser(user);
    await db
      .update(userSessions)
      .set({ lastSeenAt: new Date(Date.now() - (SESSION_IDLE_TIMEOUT_MINUTES + 1) * 60_000) })
      .where(eq(userSessions.id, cookie.sessionId));
    expect(await signedInAs(user, cookie)).toBe(false);
  });

  it("keeps an active session alive, and records the activity", async () => {
    const user = await createUser("regulator");
    const cookie = await browser(user);
    const earlier = new Date(Date.now() - (SESSION_IDLE_TIMEOUT_MINUTES - 1) * 60_000);
    await db.update(userSessions).set({ lastSeenAt: earlier }).where(eq(userSessions.id, cookie.sessionId));
    expect(await signedInAs(user, cookie)).toBe(true);
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, cookie.sessionId));
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(earlier.getTime() + 60_000);
  });

  it("ends a session at its absolute lifetime however active it is", async () => {
    const user = await createUser("reviewer");
    const cookie = await browser(user);
    await db
      .update(userSessions)
      .set({ expiresAt: new Date(Date.now() - 1_000), lastSeenAt: new Date() })
      .where(eq(userSessions.id, cookie.sessionId));
    expect(await signedInAs(user, cookie)).toBe(false);
  });

  it("refuses a session id that belongs to someone else", async () => {
    const [owner, other] = [await createUser("enterprise"), await createUser("enterprise")];
    const cookie = await browser(owner);
    expect(await signedInAs(other, cookie)).toBe(false);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the user, this one included", async () => {
    const user = await createUser("enterprise");
    const [here, elsewhere] = [await browser(user), await browser(user)];
    actAs(user, here);
    expect(await signOutEverywhereAction({})).toMatchObject({ ok: true, data: { sessionsEnded: 2 } });
    expect(await signedInAs(user, here)).toBe(false);
    expect(await signedInAs(user, elsewhere)).toBe(false);
  });

  it("lets the operator sign any user out of every session, and tells the user", async () => {
    const admin = await createUser("admin");
    const user = await createUser("verifier");
    const [first, second] = [await browser(user), await browser(user)];
    actAs(admin);
    expect(await endUserSessionsAction({ userId: user.id })).toMatchObject({ ok: true, data: { sessionsEnded: 2 } });
    expect(await signedInAs(user, first)).toBe(false);
    expect(await signedInAs(user, second)).toBe(false);
    const told = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(told.map((n) => n.kind)).toEqual(["account.sessionsEndedByOperator"]);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.endSessions"))).orderBy(auditEvents.id);
    expect(events[0]).toMatchObject({ actorUserId: admin.id, actorRole: "admin" });
  });

  it.each(["enterprise", "verifier", "reviewer", "regulator"] as const)("refuses a %s ending another user's sessions", async (role) => {
    const caller = await createUser(role);
    const user = await createUser("verifier");
    const cookie = await browser(user);
    actAs(caller);
    expect(await endUserSessionsAction({ userId: user.id })).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(await signedInAs(user, cookie)).toBe(true);
  });

  it("refuses an anonymous caller both ways", async () => {
    const user = await createUser("verifier");
    const cookie = await browser(user);
    actAs(null);
    expect(await endUserSessionsAction({ userId: user.id })).toMatchObject({ ok: false, message: "errors.unauthenticated" });
    expect(await signOutEverywhereAction({})).toMatchObject({ ok: false, message: "errors.unauthenticated" });
    expect(await signedInAs(user, cookie)).toBe(true);
  });
});

describe("called directly", () => {
  it("refuse the system actor: ending sessions and changing passwords are people's acts", async () => {
    const user = await createUser("enterprise");
    const cookie = await browser(user);
    const job = systemActor("test");
    expect(await executeOperation(endUserSessions, job, { userId: user.id })).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    expect(await executeOperation(signOutEverywhere, job, {})).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    expect(
      await executeOperation(changePassword, job, { currentPassword: TEST_PASSWORD, newPasswordHash: "x", currentSessionId: cookie.sessionId }),
    ).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    expect(await signedInAs(user, cookie)).toBe(true);
  });
});

describe("password change", () => {
  const NEW_PASSWORD = "pelican-harbour-lantern-51";

  it("needs the current password, ends the other sessions, keeps this one, and tells the user", async () => {
    const user = await createUser("enterprise");
    const [here, elsewhere] = [await browser(user), await browser(user)];
    actAs(user, here);
    const result = await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: true, data: { otherSessionsEnded: 1 } });
    expect(await signedInAs(user, here)).toBe(true);
    expect(await signedInAs(user, elsewhere)).toBe(false);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    const told = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(told.map((n) => n.kind)).toEqual(["account.passwordChanged"]);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.changePassword"))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);
  });

  it("refuses a wrong current password next to its field, changing nothing", async () => {
    const user = await createUser("verifier");
    const [here, elsewhere] = [await browser(user), await browser(user)];
    actAs(user, here);
    const result = await changePasswordAction({ currentPassword: "not-the-password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["security.password.currentWrong"] } });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toBe(user.passwordHash);
    expect(await signedInAs(user, elsewhere)).toBe(true);
  });

  it("refuses a weak new password, and a repeat that differs, next to their fields", async () => {
    const user = await createUser("regulator");
    actAs(user, await browser(user));
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: "password1234", confirmPassword: "password1234" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["password.warnings.similarToCommon"] },
    });
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["password.mismatch"] },
    });
  });

  it(`stops guessing the current password after ${PASSWORD_CHECKS_PER_SESSION} tries in one session`, async () => {
    const user = await createUser("enterprise");
    actAs(user, await browser(user));
    for (let i = 0; i < PASSWORD_CHECKS_PER_SESSION; i++) {
      const guess = `guess-number-${i}-abc`;
      expect(await changePasswordAction({ currentPassword: guess, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({
        fieldErrors: { currentPassword: ["security.password.currentWrong"] },
      });
    }
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["security.password.tooManyChecks"] },
    });
  });

  it("refuses an anonymous caller", async () => {
    actAs(null);
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      message: "errors.unauthenticated",
    });
  });
});
