import "server-only";
import { and, asc, count, desc, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { organizations, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { containsPattern, LIST_PAGE_SIZE, pageWindow } from "@/lib/utils";
import type { UserSearch } from "@/lib/validation/schemas/organizations";

/** Every organization, with how many users it has. */
async function listOrganizations(user: CurrentUser) {
  assertCan(user, "organization.manage");
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      creditCode: organizations.creditCode,
      region: organizations.region,
      district: organizations.district,
      userCount: sql<number>`(select count(*)::int from ${users} where ${users.organizationId} = ${organizations.id})`.mapWith(Number),
    })
    .from(organizations)
    .orderBy(asc(organizations.kind), asc(organizations.name));
}

/**
 * The organizations the operator may create a user in: verification bodies and regulator bureaus.
 * An enterprise's people come through its own sign-up.
 */
export async function listUserOrganizationOptions(user: CurrentUser) {
  assertCan(user, "user.manage");
  return db
    .select({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn, kind: organizations.kind })
    .from(organizations)
    .where(ne(organizations.kind, "enterprise"))
    .orderBy(asc(organizations.kind), asc(organizations.name));
}

/**
 * One page of the users matching the search (name, email, or their organization's name in
 * either language), newest account first, with how many match in all.
 */
export async function listUsers(user: CurrentUser, search: UserSearch = {}) {
  assertCan(user, "user.manage");
  const conditions: SQL[] = [];
  if (search.q) {
    const pattern = containsPattern(search.q);
    conditions.push(
      or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(organizations.name, pattern), ilike(organizations.nameEn, pattern))!,
    );
  }
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(where);
  const { page, pageCount, offset } = pageWindow(search.page, total);
  const items = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      mobile: users.mobile,
      role: users.role,
      disabled: users.disabled,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      organizationNameEn: organizations.nameEn,
      organizationKind: organizations.kind,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(desc(users.createdAt), asc(users.id))
    .limit(LIST_PAGE_SIZE)
    .offset(offset);
  return { items, total, page, pageCount };
}

/** The operator's page in one read: every organization and one page of the users. */
export async function getAdminDirectory(user: CurrentUser, search: UserSearch) {
  const [organizationRows, userPage] = await Promise.all([listOrganizations(user), listUsers(user, search)]);
  return { organizations: organizationRows, users: userPage };
}
