import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { organizations, users } from "@/db/schema";
import type { UserActor } from "@/lib/policy";

export const CURRENT_USER_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organizationId: users.organizationId,
  organizationKind: organizations.kind,
  organizationName: organizations.name,
  organizationNameEn: organizations.nameEn,
  region: organizations.region,
  district: organizations.district,
};

/** A user with their organization, as actions see them (seeds and benchmarks act as real users too). */
export async function findUserAsActor(condition: SQL | undefined, executor: DbOrTx = db): Promise<UserActor | undefined> {
  const [row] = await executor
    .select(CURRENT_USER_COLUMNS)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(condition)
    .limit(1);
  return row;
}

