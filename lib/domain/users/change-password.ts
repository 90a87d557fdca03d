import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyPassword } from "@/lib/auth/password";
import { endOpenSessions } from "@/lib/domain/sessions/end-sessions";
import { OperationError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import { queueSecurityNotice, voidEmailTokens } from "./email-tokens";
import { loadMailRecipient } from "./mail-recipient";

type ChangePasswordValues = {
  currentPassword: string;
  /** Argon2 hash of the new password: the adapter hashes it before the transaction opens. */
  newPasswordHash: string;
  /** The session the change is made from: it stays open, every other one ends. */
  currentSessionId: string;
};

/**
 * The user changes their own password, proving the current one (OWASP ASVS 5.0 V6.2.3). Every
 * other session of theirs ends on its next request (V7.4.3), unused reset links stop working
 * (V6.4), and they get a "password changed" notice in the app and by email, so a change they
 * did not make does not go unnoticed.
 */
export async function changePassword(tx: Tx, actor: Actor | null, input: ChangePasswordValues) {
  assertUserCan(actor, "account.manage");
  const [user] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.id))
    .for("update");
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new OperationError("errors.validation", { currentPassword: ["security.password.currentWrong"] });
  }
  await tx.update(users).set({ passwordHash: input.newPasswordHash }).where(eq(users.id, actor.id));
  const otherSessionsEnded = await endOpenSessions(tx, actor.id, input.currentSessionId);
  await voidEmailTokens(tx, actor.id, "password_reset");
  await recordAuditEvent(tx, actor, {
    action: "user.changePassword",
    entityType: "user",
    entityId: actor.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { otherSessionsEnded },
  });
  await notify(tx, { organizationId: actor.organizationId, userId: actor.id, kind: "account.passwordChanged", email: false });
  const loaded = await loadMailRecipient(tx, actor.id);
  if (loaded) await queueSecurityNotice(tx, loaded.recipient, "passwordChanged", {});
  return { otherSessionsEnded };
}
