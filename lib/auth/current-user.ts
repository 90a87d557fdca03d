import "server-only";
import { cache } from "react";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/db";
import { organizations, users, type OrganizationKind, type Role } from "@/db/schema";
import { CURRENT_USER_COLUMNS } from "./actor";
import { getSessionClaims } from "./session";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
  region: string;
  district: string | null;
};

/**
 * The user behind this request, re-checked against the database: a deleted or
 * disabled user, or one whose role changed since sign-in, is signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const [row] = await db
    .select({ ...CURRENT_USER_COLUMNS, disabled: users.disabled, sessionVersion: users.sessionVersion })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, claims.id));
  if (!row || row.disabled || row.sessionVersion !== claims.sessionVersion) return null;
  if (row.role !== claims.role || row.organizationId !== claims.organizationId) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organizationId: row.organizationId,
    organizationKind: row.organizationKind,
    organizationName: row.organizationName,
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
