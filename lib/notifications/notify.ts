import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications, users } from "@/db/schema";
import { mailLocale, notificationText } from "./mail-message";
import { queueMail } from "./outbox";

export type NotificationInput = {
  organizationId: string;
  userId?: string | null;
  /** Key in the `notifications` i18n namespace. */
  kind: string;
  applicationId?: string | null;
  certificateId?: string | null;
  params?: Record<string, string>;
  /**
   * False when the caller emails the same news itself as a security notice (sent whatever the
   * preference), so it does not arrive twice.
   */
  email?: boolean;
};

/**
 * Queues an in-app notification in the caller's transaction, and an email to each recipient who
 * wants notifications at once (a verified address, preference "immediate"), in their language.
 * Those who chose the daily digest get it in `sendDailyDigests` (lib/mail/digests.ts).
 */
export async function notify(tx: DbOrTx, input: NotificationInput): Promise<void> {
  await tx.insert(notifications).values({
    organizationId: input.organizationId,
    userId: input.userId ?? null,
    kind: input.kind,
    applicationId: input.applicationId ?? null,
    certificateId: input.certificateId ?? null,
    params: input.params ?? null,
  });
  if (input.email === false) return;
  const recipients = await tx
    .select({ id: users.id, email: users.email, locale: users.locale, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(
      and(
        input.userId ? eq(users.id, input.userId) : eq(users.organizationId, input.organizationId),
        eq(users.disabled, false),
        eq(users.mailPreference, "immediate"),
      ),
    )
    .orderBy(users.id);
  for (const recipient of recipients) {
    if (!recipient.verifiedAt) continue;
    const locale = mailLocale(recipient.locale);
    await queueMail(
      tx,
      { userId: recipient.id, organizationId: input.organizationId, email: recipient.email, locale },
      {
        kind: "notification",
        lines: [{ key: "notification.intro" }, { key: "notification.text", params: { text: notificationText(locale, input.kind, input.params ?? null) } }],
        linkPath: "/notifications",
      },
    );
  }
}
