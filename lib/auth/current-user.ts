import "server-only";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/db";
import { organizations, users, userSessions, type Role } from "@/db/schema";
import type { UserActor } from "@/lib/policy";
import { CURRENT_USER_COLUMNS } from "./actor";
import { getSessionClaims } from "./session";
import { liveSessionCondition, touchSession } from "./sessions";

export type CurrentUser = UserActor;

/**
 * The user behind this request, re-checked against the database: a deleted or
 * disabled user, one whose role changed since sign-in, and a session that was
 * signed out, ended elsewhere, idle too long or past its lifetime are signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await getSessionClaims();
  if (!claims?.sessionId) return null;
  const now = new Date();
  const [row] = await db
    .select({
      ...CURRENT_USER_COLUMNS,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(liveSessionCondition(claims.sessionId, claims.id, now));
  if (!row || row.disabled || row.sessionVersion !== claims.sessionVersion) return null;
  if (row.role !== claims.role || row.organizationId !== claims.organizationId) return null;
  await touchSession(claims.sessionId, row.lastSeenAt, now);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.organizationId,
    organizationKind: row.organizationKind,
    organizationName: row.organizationName,
    organizationNameEn: row.organizationNameEn,
    region: row.region,
    district: row.district,
  };
});

/** For pages: anonymous → /login; another role → 403 page. */
export async function requirePageUser(roles: readonly Role[], returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login");
  if (!roles.includes(user.role)) forbidden();
  return user;
}
