import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { mailOutbox } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/policy";

type ClaimPendingMailInput = { limit: number; leaseSeconds: number; now?: Date };

export type ClaimedMail = {
  id: string;
  /** This attempt's number: the outcome is recorded against it. */
  attempt: number;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  sealedSecret: string | null;
};

/**
 * Takes the messages due for an attempt: each row is locked (rows another runner holds are
 * skipped, `FOR UPDATE SKIP LOCKED`) and leased — its next attempt moved past the lease — so no
 * other runner sends it meanwhile; a runner that dies mid-send leaves it to be retried.
 */
export async function claimPendingMail(tx: Tx, actor: Actor | null, { limit, leaseSeconds, now = new Date() }: ClaimPendingMailInput): Promise<ClaimedMail[]> {
  assertCan(actor, "mail.deliver");
  if (actor.role !== "system") throw new ForbiddenError();
  const due = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  if (due.length === 0) return [];
  const leased = await tx
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastAttemptAt: now, nextAttemptAt: new Date(now.getTime() + leaseSeconds * 1000) })
    .where(inArray(mailOutbox.id, due.map((row) => row.id)))
    .returning({
      id: mailOutbox.id,
      attempt: mailOutbox.attempts,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      textBody: mailOutbox.textBody,
      htmlBody: mailOutbox.htmlBody,
      sealedSecret: mailOutbox.sealedSecret,
    });
  return leased;
}
