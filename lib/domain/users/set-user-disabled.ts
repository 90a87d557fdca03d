import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { NotFoundError, OperationError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";

type SetUserDisabledInput = { userId: string; disabled: boolean };

/** Disabling bumps the session version, so the user's open sessions end on their next request. */
export async function setUserDisabled(tx: Tx, actor: Actor | null, input: SetUserDisabledInput) {
  assertUserCan(actor, "user.manage");
  if (input.userId === actor.id) throw new OperationError("admin.errors.notYourself");
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
  await recordAuditEvent(tx, actor, {
    action: input.disabled ? "user.disable" : "user.enable",
    entityType: "user",
    entityId: changed.id,
    subjectOrganizationId: changed.organizationId,
    fromStatus: input.disabled ? "active" : "disabled",
    toStatus: input.disabled ? "disabled" : "active",
  });
  return { changed: true };
}
