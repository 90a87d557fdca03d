/**
 * Issue 11, defect 4: `/api/auth/session` re-issued any cookie with a later expiry, so a session
 * had no absolute lifetime and a signed-out cookie came back to life. Through the real Auth.js
 * route handler: a re-issued token never outlives its session, and an ended one is cleared.
 */
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { userSessions } from "@/db/schema";
import { handlers } from "@/lib/auth";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { openSession } from "@/lib/auth/sessions";
import { createUser } from "../support/factories";

const COOKIE = "authjs.session-token";
const secret = () => process.env.AUTH_SECRET!;

async function cookieFor(claims: SessionClaims) {
  return encode({ token: { sub: claims.id, claims }, secret: secret(), salt: COOKIE, maxAge: 12 * 3600 });
}

async function claimsOfNewSession(): Promise<SessionClaims> {
  const user = await createUser("enterprise");
  const session = await openSession(user.id);
  return {
    id: user.id,
    role: user.role,
    organizationId: user.organizationId,
    sessionVersion: user.sessionVersion,
    sessionId: session.sessionId,
    expiresAt: Math.floor(session.expiresAt.getTime() / 1_000),
  };
}

async function readSession(token: string) {
  const response = await handlers.GET(
    new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${COOKIE}=${token}` } }),
  );
  const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${COOKIE}=`)) ?? "";
  const reissued = setCookie.slice(COOKIE.length + 1).split(";")[0];
  return { body: (await response.json()) as { claims?: SessionClaims } | null, reissued };
}

describe("/api/auth/session", () => {
  it("re-issues a live session's token without extending it past the session's absolute end", async () => {
    const claims = await claimsOfNewSession();
    // The session is near its end: a refresh must not buy it another twelve hours.
    const nearEnd = { ...claims, expiresAt: Math.floor(Date.now() / 1_000) + 120 };
    await db.update(userSessions).set({ expiresAt: new Date(nearEnd.expiresAt * 1_000) }).where(eq(userSessions.id, claims.sessionId));
    const { body, reissued } = await readSession(await cookieFor(nearEnd));
    expect(body?.claims?.sessionId).toBe(claims.sessionId);
    const decoded = await decode({ token: reissued, secret: secret(), salt: COOKIE });
    expect(decoded?.exp).toBeLessThanOrEqual(nearEnd.expiresAt);
  });

  it("clears the cookie of a session that was signed out", async () => {
    const claims = await claimsOfNewSession();
    await db.update(userSessions).set({ endedAt: new Date() }).where(eq(userSessions.id, claims.sessionId));
    const { body, reissued } = await readSession(await cookieFor(claims));
    expect(body).toBeNull();
    expect(reissued).toBe("");
  });

  it("clears the cookie of a session past its absolute lifetime", async () => {
    const claims = await claimsOfNewSession();
    const { body, reissued } = await readSession(await cookieFor({ ...claims, expiresAt: Math.floor(Date.now() / 1_000) - 1 }));
    expect(body).toBeNull();
    expect(reissued).toBe("");
  });
});
