import "server-only";
import { and, asc, eq, gte, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Tx } from "@/db";
import { mailOutbox, notifications, users } from "@/db/schema";
import { ForbiddenError, OperationError } from "@/lib/errors";
import { mailLocale, notificationText } from "@/lib/notifications/mail-message";
import { queueMail } from "@/lib/notifications/outbox";
import { assertCan, type Actor } from "@/lib/policy";

type QueueDailyDigestsInput = { /** The Shanghai calendar day the digests cover, YYYY-MM-DD. */ day: string };

/** Midnight in Asia/Shanghai (UTC+8, no daylight saving) at the start of `day`. */
function shanghaiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * Queues each daily-digest reader's notifications of one day as one email in their language.
 * Idempotent per user and day (the message's dedupe key), so the timer may run it as often as
 * it likes; a day without notifications for someone sends them nothing.
 */
export async function queueDailyDigests(tx: Tx, actor: Actor | null, input: QueueDailyDigestsInput) {
  assertCan(actor, "mail.deliver");
  if (actor.role !== "system") throw new ForbiddenError();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day) || Number.isNaN(shanghaiMidnight(input.day).getTime())) {
    throw new OperationError("errors.validation", { day: ["validation.date"] });
  }
  const from = shanghaiMidnight(input.day);
  const to = new Date(from.getTime() + 24 * 3_600_000);
  const readers = await tx
    .select({ id: users.id, organizationId: users.organizationId, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.mailPreference, "daily"), eq(users.disabled, false), isNotNull(users.emailVerifiedAt)))
    .orderBy(asc(users.id));
  let queued = 0;
  for (const reader of readers) {
    const dedupeKey = `digest:${reader.id}:${input.day}`;
    const [already] = await tx.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.dedupeKey, dedupeKey));
    if (already) continue;
    const items = await tx
      .select({ kind: notifications.kind, params: notifications.params })
      .from(notifications)
      .where(
        and(
          eq(notifications.organizationId, reader.organizationId),
          or(isNull(notifications.userId), eq(notifications.userId, reader.id)),
          gte(notifications.createdAt, from),
          lt(notifications.createdAt, to),
        ),
      )
      .orderBy(asc(notifications.createdAt), asc(notifications.id));
    if (items.length === 0) continue;
    const locale = mailLocale(reader.locale);
    const params = { date: input.day, count: String(items.length) };
    const added = await queueMail(
      tx,
      { userId: reader.id, organizationId: reader.organizationId, email: reader.email, locale },
      {
        kind: "digest",
        params,
        lines: [
          { key: "digest.intro", params },
          ...items.map((item) => ({ key: "digest.item", params: { text: notificationText(locale, item.kind, item.params) } })),
        ],
        linkPath: "/notifications",
      },
      { dedupeKey },
    );
    if (added) queued++;
  }
  return { queued };
}
