import "server-only";
import type { Tx } from "@/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, OperationError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { EMAIL_VERIFICATION_HOURS, issueEmailLink, lastEmailTokenAt } from "./email-tokens";
import { loadMailRecipient } from "./mail-recipient";

/** A new confirmation link at most once a minute. */
const RESEND_SECONDS = 60;

/** Sends the link that confirms the user's address (sign-up's first one voided); nothing once it is confirmed. */
export async function sendVerificationEmail(tx: Tx, recipient: NonNullable<Awaited<ReturnType<typeof loadMailRecipient>>>["recipient"], now = new Date()) {
  await issueEmailLink(
    tx,
    recipient,
    {
      purpose: "verify_email",
      lifetimeMinutes: EMAIL_VERIFICATION_HOURS * 60,
      kind: "verifyEmail",
      path: "/verify-email",
      lines: [{ key: "verifyEmail.intro" }, { key: "verifyEmail.expiry", params: { hours: String(EMAIL_VERIFICATION_HOURS) } }],
    },
    now,
  );
}

/** The signed-in user asks for a new confirmation link for their address. */
export async function resendVerification(tx: Tx, actor: Actor | null, input: { now?: Date }) {
  assertUserCan(actor, "account.manage");
  const now = input.now ?? new Date();
  const loaded = await loadMailRecipient(tx, actor.id);
  if (!loaded) throw new OperationError("errors.notFound");
  if (loaded.emailVerifiedAt) throw new ConflictError("security.verifyEmail.alreadyVerified");
  const last = await lastEmailTokenAt(tx, actor.id, "verify_email");
  if (last && now.getTime() - last.getTime() < RESEND_SECONDS * 1000) throw new OperationError("security.verifyEmail.tooSoon");
  await sendVerificationEmail(tx, loaded.recipient, now);
  await recordAuditEvent(tx, actor, {
    action: "user.resendVerification",
    entityType: "user",
    entityId: actor.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
  });
  return { sent: true };
}
