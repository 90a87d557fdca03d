import "server-only";
import type { DbOrTx } from "@/db";
import { mailOutbox } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { composeMail, type MailContent } from "./mail-message";

export type MailRecipient = { userId: string; organizationId: string; email: string; locale: Locale };

type QueueMailOptions = {
  /** The row's id, when the caller sealed a secret under it (mailSecretContext). */
  id?: string;
  /** The secret part of the link, already sealed (lib/keys) by the operation. */
  sealedSecret?: string;
  /** A message with this key is queued once; a second attempt queues nothing. */
  dedupeKey?: string;
};

/** Transactions that queued mail: the adapter wakes the sender once they commit. */
const transactionsWithMail = new WeakSet<object>();

/**
 * Queues one email in the caller's transaction, so the message exists exactly when the change
 * that caused it commits. Returns false when its dedupe key was queued already.
 */
export async function queueMail(tx: DbOrTx, recipient: MailRecipient, content: MailContent, options: QueueMailOptions = {}): Promise<boolean> {
  const composed = composeMail(recipient.locale, content);
  const inserted = await tx
    .insert(mailOutbox)
    .values({
      ...(options.id ? { id: options.id } : {}),
      userId: recipient.userId,
      organizationId: recipient.organizationId,
      recipient: recipient.email,
      locale: recipient.locale,
      kind: content.kind,
      ...composed,
      sealedSecret: options.sealedSecret ?? null,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  if (inserted.length > 0) transactionsWithMail.add(tx);
  return inserted.length > 0;
}

/** The context a message's secret is sealed under (lib/keys): it opens for that outbox row only. */
export function mailSecretContext(mailId: string): string {
  return `mail-outbox:${mailId}`;
}

export function queuedMailIn(tx: object): boolean {
  return transactionsWithMail.has(tx);
}

const globalForSender = globalThis as unknown as { carbonlabelMailQueued?: () => void };

/** The sender of this process (lib/mail/runner.ts) registers how to wake it. */
export function onMailQueued(wake: (() => void) | undefined): void {
  globalForSender.carbonlabelMailQueued = wake;
}

/** Called after a commit that queued mail: the sender tries it now rather than at its next poll. */
export function mailQueued(): void {
  globalForSender.carbonlabelMailQueued?.();
}
