import "server-only";
import { claimPendingMail, type ClaimedMail } from "@/lib/domain/mail/claim-pending-mail";
import { recordMailOutcome } from "@/lib/domain/mail/record-mail-outcome";
import { executeOperation } from "@/lib/domain/operation";
import { openSecret } from "@/lib/keys/key-encryption";
import { MAIL_LEASE_SECONDS } from "@/lib/notifications/mail-schedule";
import { SECRET_PLACEHOLDER } from "@/lib/notifications/mail-message";
import { mailSecretContext } from "@/lib/notifications/outbox";
import { systemActor } from "@/lib/policy";
import { describeMailError, smtpTransportFromEnv, type MailTransport } from "./transport";

const JOB = "mail-delivery";
/** Messages taken per round; a runner keeps taking rounds while some are due. */
const BATCH = 20;

function withSecret(body: string, mail: ClaimedMail): string {
  if (!mail.sealedSecret) return body;
  const secret = openSecret(mail.sealedSecret, mailSecretContext(mail.id)).toString("utf8");
  return body.split(SECRET_PLACEHOLDER).join(encodeURIComponent(secret));
}

type DeliveryRound = { attempted: number; sent: number; failed: number; held: number };

/**
 * One round of the sender, as the platform (`systemActor`): claims the due messages, hands each
 * to the relay and records the outcome on its row (sent; failed and retried with backoff; or,
 * without a relay, kept as "not sent: no relay"). Idempotent and safe to run from several
 * processes at once: a message is claimed by one runner per attempt. A job queue can call it.
 */
export async function deliverPendingMail(options: { transport?: MailTransport | null; now?: Date } = {}): Promise<DeliveryRound> {
  const transport = options.transport === undefined ? smtpTransportFromEnv() : options.transport;
  const actor = systemActor(JOB);
  const claimed = await executeOperation(claimPendingMail, actor, { limit: BATCH, leaseSeconds: MAIL_LEASE_SECONDS, now: options.now });
  if (!claimed.ok) throw claimed.error;
  const round: DeliveryRound = { attempted: claimed.data.length, sent: 0, failed: 0, held: 0 };
  for (const mail of claimed.data) {
    let outcome: "sent" | "failed" | "noRelay" = "noRelay";
    let error: string | undefined;
    if (transport) {
      try {
        await transport.send({ to: mail.recipient, subject: mail.subject, text: withSecret(mail.textBody, mail), html: withSecret(mail.htmlBody, mail) });
        outcome = "sent";
      } catch (failure) {
        outcome = "failed";
        error = describeMailError(failure);
      }
    }
    const recorded = await executeOperation(recordMailOutcome, actor, { mailId: mail.id, attempt: mail.attempt, outcome, error, now: options.now });
    if (!recorded.ok) throw recorded.error;
    if (outcome === "sent") round.sent++;
    else if (outcome === "failed") round.failed++;
    else round.held++;
  }
  return round;
}
