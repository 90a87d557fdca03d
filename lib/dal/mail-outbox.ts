import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { MAIL_KINDS, MAIL_NO_RELAY_ERROR, MAIL_STATUSES, MAIL_UNKNOWN_ERROR, type MailKind, type MailStatus } from "@/lib/enums";
import { SECRET_PLACEHOLDER } from "@/lib/notifications/mail-message";
import { assertCan } from "@/lib/policy";

export const OUTBOX_PAGE_SIZE = 25;

/** What stands in the operator's view where a link's secret goes: the outbox never shows it. */
export const WITHHELD_SECRET = "••••••";

/**
 * What the operator reads of a row's last error: the two the platform writes itself as codes
 * (translated on the page), or the relay's own reply, shown as the relay gave it.
 */
type MailError = { code: "noRelay" } | { code: "unknown" } | { code: "relay"; reply: string };

function mailErrorOf(lastError: string | null): MailError | null {
  if (lastError === null) return null;
  if (lastError === MAIL_NO_RELAY_ERROR) return { code: "noRelay" };
  if (lastError === MAIL_UNKNOWN_ERROR) return { code: "unknown" };
  return { code: "relay", reply: lastError };
}

function isMailKind(kind: string): kind is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(kind);
}

/** A stored kind the catalogs name, or null for one they do not (rows older than the list). */
function mailKindOf(kind: string): MailKind | null {
  return isMailKind(kind) ? kind : null;
}

/** A stored locale the catalogs name, or null. */
function mailLocaleOf(locale: string): Locale | null {
  return isLocale(locale) ? locale : null;
}

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The outbox, newest first, one page at a time, with how many messages are in each state. */
export async function listOutbox(user: CurrentUser, input: { page?: unknown }) {
  assertCan(user, "outbox.read");
  const requested = pageSchema.parse(input.page ?? 1);
  const totals = await db.select({ status: mailOutbox.status, messages: count() }).from(mailOutbox).groupBy(mailOutbox.status);
  const byStatus = Object.fromEntries(MAIL_STATUSES.map((status) => [status, 0])) as Record<MailStatus, number>;
  for (const row of totals) byStatus[row.status] = row.messages;
  const total = Object.values(byStatus).reduce((sum, value) => sum + value, 0);
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(requested, pageCount);
  const items = await db
    .select({
      id: mailOutbox.id,
      recipient: mailOutbox.recipient,
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      locale: mailOutbox.locale,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return { items: items.map(({ lastError, ...item }) => ({ ...item, error: mailErrorOf(lastError) })), page, pageCount, total, byStatus };
}

/** One message as queued, its link's secret withheld; null for an id that names none. */
export async function getOutboxMessage(user: CurrentUser, id: string) {
  assertCan(user, "outbox.read");
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!row) return null;
  const withhold = (body: string) => body.split(SECRET_PLACEHOLDER).join(WITHHELD_SECRET);
  return {
    id: row.id,
    recipient: row.recipient,
    kind: mailKindOf(row.kind),
    locale: row.locale,
    language: mailLocaleOf(row.locale),
    subject: row.subject,
    textBody: withhold(row.textBody),
    htmlBody: withhold(row.htmlBody),
    status: row.status,
    attempts: row.attempts,
    error: mailErrorOf(row.lastError),
    nextAttemptAt: row.nextAttemptAt,
    lastAttemptAt: row.lastAttemptAt,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  };
}

/** For the health check (no user): messages waiting, how long the oldest due one has waited, and those given up. */
export async function outboxBacklog(now = new Date()) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${mailOutbox.status} = 'pending')::int`,
      failed: sql<number>`count(*) filter (where ${mailOutbox.status} = 'failed')::int`,
      oldestDue: sql<string | null>`min(${mailOutbox.createdAt}) filter (where ${mailOutbox.status} = 'pending' and ${mailOutbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz)`,
    })
    .from(mailOutbox);
  const backlog = backlogSchema.parse(row);
  return {
    pending: backlog.pending,
    failed: backlog.failed,
    queueLagSeconds: backlog.oldestDue ? Math.max(0, Math.round((now.getTime() - new Date(backlog.oldestDue).getTime()) / 1000)) : 0,
  };
}

const backlogSchema = z.object({ pending: z.coerce.number(), failed: z.coerce.number(), oldestDue: z.union([z.string(), z.date()]).nullable() });
