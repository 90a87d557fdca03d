import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { organizations, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";

export async function listOrganizations(user: CurrentUser) {
  assertCan(user, "organization.manage");
  return db.select().from(organizations).orderBy(asc(organizations.kind), asc(organizations.name));
}

export async function listUsers(user: CurrentUser) {
  assertCan(user, "user.manage");
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      mobile: users.mobile,
      role: users.role,
      disabled: users.disabled,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .orderBy(asc(organizations.name), asc(users.email));
}

/** The operator's page in one read: every organization and every user. */
export async function getAdminDirectory(user: CurrentUser) {
  const [organizationRows, userRows] = await Promise.all([listOrganizations(user), listUsers(user)]);
  return { organizations: organizationRows, users: userRows };
}
