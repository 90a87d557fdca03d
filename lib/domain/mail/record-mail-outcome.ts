import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { mailOutbox, organizations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { MAIL_NO_RELAY_ERROR, MAIL_UNKNOWN_ERROR } from "@/lib/enums";
import { ForbiddenError } from "@/lib/errors";
import { nextMailAttempt } from "@/lib/notifications/mail-schedule";
import { assertCan, type Actor } from "@/lib/policy";

type MailOutcomeInput = {
  mailId: string;
  /** The attempt the outcome belongs to (from the claim). */
  attempt: number;
  /** sent: the relay took it; failed: it refused or could not be reached; noRelay: none is configured. */
  outcome: "sent" | "failed" | "noRelay";
  /** The relay's answer on failure (an SMTP code and text, or the connection error) — never a body. */
  error?: string;
  now?: Date;
};

const NO_RELAY_ERROR = MAIL_NO_RELAY_ERROR;

/**
 * Records one attempt: sent; failed, to be retried after the backoff, or given up after the
 * last attempt (audited: mail the platform owed someone did not leave); or kept unsent because
 * no relay is configured. Once a message leaves the queue its sealed secret is erased. An
 * outcome for an attempt that is no longer current (a lease that ran out) changes nothing.
 */
export async function recordMailOutcome(tx: Tx, actor: Actor | null, input: MailOutcomeInput) {
  assertCan(actor, "mail.deliver");
  if (actor.role !== "system") throw new ForbiddenError();
  const now = input.now ?? new Date();
  const [mail] = await tx
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.id, input.mailId), eq(mailOutbox.status, "pending"), eq(mailOutbox.attempts, input.attempt)))
    .for("update");
  if (!mail) return { status: "stale" as const };

  const retryAt = input.outcome === "failed" ? nextMailAttempt(now, mail.attempts) : null;
  const status = input.outcome === "sent" ? "sent" : input.outcome === "noRelay" ? "no_relay" : retryAt ? "pending" : "failed";
  await tx
    .update(mailOutbox)
    .set({
      status,
      lastError: input.outcome === "sent" ? null : input.outcome === "noRelay" ? NO_RELAY_ERROR : (input.error ?? MAIL_UNKNOWN_ERROR),
      ...(status === "sent" ? { sentAt: now } : {}),
      ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      ...(status === "pending" ? {} : { sealedSecret: null }),
    })
    .where(eq(mailOutbox.id, mail.id));
  if (status === "failed" && mail.organizationId) {
    const [organization] = await tx.select({ region: organizations.region }).from(organizations).where(eq(organizations.id, mail.organizationId));
    await recordAuditEvent(tx, null, {
      action: "mail.abandon",
      entityType: "mail",
      entityId: mail.id,
      subjectOrganizationId: mail.organizationId,
      region: organization.region,
      data: { kind: mail.kind, attempts: mail.attempts, error: input.error ?? "unknown", job: actor.job },
    });
  }
  return { status };
}
