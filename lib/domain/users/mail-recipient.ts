import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { mailLocale } from "@/lib/notifications/mail-message";
import type { MailRecipient } from "@/lib/notifications/outbox";

/** A user as the recipient of their own emails (address and language), with what the account operations check. */
export async function loadMailRecipient(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, organizationId: users.organizationId, email: users.email, locale: users.locale, disabled: users.disabled, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!user) return null;
  const recipient: MailRecipient = { userId: user.id, organizationId: user.organizationId, email: user.email, locale: mailLocale(user.locale) };
  return { recipient, disabled: user.disabled, emailVerifiedAt: user.emailVerifiedAt };
}
