import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, users } from "@/db/schema";
import { NotFoundError, OperationError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { UserRole } from "@/lib/enums";
import { assertUserCan, roleFitsOrganization, type Actor } from "@/lib/policy";

type ChangeUserRoleInput = { userId: string; role: UserRole };

/** A new role takes effect on the user's next request: the session version is bumped. */
export async function changeUserRole(tx: Tx, actor: Actor | null, input: ChangeUserRoleInput) {
  assertUserCan(actor, "user.manage");
  if (input.userId === actor.id) throw new OperationError("admin.errors.notYourself");
  const [target] = await tx
    .select({ role: users.role, organizationId: users.organizationId, kind: organizations.kind })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, input.userId))
    .for("update");
  if (!target) throw new NotFoundError();
  if (!roleFitsOrganization(target.kind, input.role)) {
    throw new OperationError("errors.validation", { role: ["admin.errors.roleNotForOrganization"] });
  }
  if (target.role === input.role) return { changed: false };
  await tx
    .update(users)
    .set({ role: input.role, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId));
  await recordAuditEvent(tx, actor, {
    action: "user.changeRole",
    entityType: "user",
    entityId: input.userId,
    subjectOrganizationId: target.organizationId,
    fromStatus: target.role,
    toStatus: input.role,
  });
  return { changed: true };
}
