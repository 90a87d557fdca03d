import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { loginThrottle, organizations, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { endOpenSessions } from "@/lib/domain/sessions/end-sessions";
import { OperationError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import type { Actor } from "@/lib/policy";
import { queueSecurityNotice, spendEmailToken, voidEmailTokens } from "./email-tokens";
import { loadMailRecipient } from "./mail-recipient";

type ResetPasswordValues = {
  token: string;
  /** Argon2 hash of the new password: the adapter hashes it before the transaction opens. */
  newPasswordHash: string;
  now?: Date;
};

/**
 * Sets a new password with an emailed reset link (ASVS 5.0 V6.4): the link works once and only
 * within its 30 minutes; every other reset link of the account is voided, every session ends
 * (whoever held one must sign in with the new password), the sign-in throttle of the email is
 * cleared, and the holder is told by email that the password changed.
 */
export async function resetPassword(tx: Tx, _actor: Actor | null, input: ResetPasswordValues) {
  const now = input.now ?? new Date();
  const userId = await spendEmailToken(tx, input.token, "password_reset", now);
  const loaded = userId ? await loadMailRecipient(tx, userId) : null;
  if (!userId || !loaded || loaded.disabled) throw new OperationError("security.reset.invalidLink");
  await tx
    .update(users)
    .set({ passwordHash: input.newPasswordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await voidEmailTokens(tx, userId, "password_reset", now);
  const sessionsEnded = await endOpenSessions(tx, userId);
  await tx.delete(loginThrottle).where(eq(loginThrottle.email, loaded.recipient.email));
  const [organization] = await tx.select({ region: organizations.region }).from(organizations).where(eq(organizations.id, loaded.recipient.organizationId));
  await recordAuditEvent(tx, null, {
    action: "user.resetPassword",
    entityType: "user",
    entityId: userId,
    subjectOrganizationId: loaded.recipient.organizationId,
    region: organization.region,
    data: { sessionsEnded },
  });
  await notify(tx, { organizationId: loaded.recipient.organizationId, userId, kind: "account.passwordChanged", email: false });
  await queueSecurityNotice(tx, loaded.recipient, "passwordChanged", {}, now);
  return { sessionsEnded };
}
