"use server";

import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { ActionError, NotFoundError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { setUserDisabledSchema } from "@/lib/validation/schemas/organizations";

/** Disabling bumps the session version, so the user's open sessions end on their next request. */
export const setUserDisabledAction = createAction("user.manage", {
  schema: setUserDisabledSchema,
  revalidate: () => ["/admin"],
  run: async ({ user, input, tx }) => {
    if (input.userId === user.id) throw new ActionError("admin.errors.notYourself");
    const [changed] = await tx
      .update(users)
      .set({ disabled: input.disabled, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, input.userId), eq(users.disabled, !input.disabled)))
      .returning({ id: users.id, organizationId: users.organizationId });
    if (!changed) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      if (!exists) throw new NotFoundError();
      return { changed: false };
    }
    await recordAuditEvent(tx, user, {
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: changed.id,
      subjectOrganizationId: changed.organizationId,
      fromStatus: input.disabled ? "active" : "disabled",
      toStatus: input.disabled ? "disabled" : "active",
    });
    return { changed: true };
  },
});
