"use server";

import { eq, sql } from "drizzle-orm";
import { organizations, users } from "@/db/schema";
import { ActionError, NotFoundError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { changeUserRoleSchema, ROLES_BY_ORGANIZATION_KIND } from "@/lib/validation/schemas/organizations";

/** A new role takes effect on the user's next request: the session version is bumped. */
export const changeUserRoleAction = createAction("user.manage", {
  schema: changeUserRoleSchema,
  revalidate: () => ["/admin"],
  run: async ({ user, input, tx }) => {
    if (input.userId === user.id) throw new ActionError("admin.errors.notYourself");
    const [target] = await tx
      .select({ role: users.role, organizationId: users.organizationId, kind: organizations.kind })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(users.id, input.userId))
      .for("update");
    if (!target) throw new NotFoundError();
    if (!ROLES_BY_ORGANIZATION_KIND[target.kind].includes(input.role)) {
      throw new ActionError("errors.validation", { role: ["admin.errors.roleNotForOrganization"] });
    }
    if (target.role === input.role) return { changed: false };
    await tx
      .update(users)
      .set({ role: input.role, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, input.userId));
    await recordAuditEvent(tx, user, {
      action: "user.changeRole",
      entityType: "user",
      entityId: input.userId,
      subjectOrganizationId: target.organizationId,
      fromStatus: target.role,
      toStatus: input.role,
    });
    return { changed: true };
  },
});
