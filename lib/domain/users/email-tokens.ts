import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { emailTokens } from "@/db/schema";
import type { EmailTokenPurpose } from "@/lib/enums";
import { sealSecret } from "@/lib/keys/key-encryption";
import { SECRET_PLACEHOLDER, type MailLine } from "@/lib/notifications/mail-message";
import { mailSecretContext, queueMail, type MailRecipient } from "@/lib/notifications/outbox";

/** A password reset link lives 30 minutes (ASVS 5.0 V6.4.1 asks for a short life). */
export const PASSWORD_RESET_MINUTES = 30;
/** An address confirmation link lives two days: sign-up mail may be read the next morning. */
export const EMAIL_VERIFICATION_HOURS = 48;

/** 256 random bits: nothing to guess, so a fast hash (SHA-256) is what is stored. */
function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Voids the user's unused links of a purpose (a newer one replaces them; a password change ends reset links). */
export async function voidEmailTokens(tx: Tx, userId: string, purpose: EmailTokenPurpose, now = new Date()): Promise<void> {
  await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}

/**
 * Issues a single-use link for the user and queues the email that carries it, in one
 * transaction. Only the token's hash is stored; the token itself travels sealed on the outbox
 * row until the sender puts it into the link, and is then erased.
 */
export async function issueEmailLink(
  tx: Tx,
  recipient: MailRecipient,
  link: { purpose: EmailTokenPurpose; lifetimeMinutes: number; kind: "verifyEmail" | "passwordReset"; path: string; lines: MailLine[] },
  now = new Date(),
): Promise<void> {
  await voidEmailTokens(tx, recipient.userId, link.purpose, now);
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.insert(emailTokens).values({
    userId: recipient.userId,
    purpose: link.purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + link.lifetimeMinutes * 60_000),
    createdAt: now,
  });
  const mailId = crypto.randomUUID();
  await queueMail(
    tx,
    recipient,
    { kind: link.kind, lines: link.lines, linkPath: `${link.path}?token=${SECRET_PLACEHOLDER}` },
    { id: mailId, sealedSecret: sealSecret(Buffer.from(token, "utf8"), mailSecretContext(mailId)) },
  );
}

/** Spends a link: the user it was issued to, once, while it has not expired; null otherwise. */
export async function spendEmailToken(tx: Tx, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<string | null> {
  const [spent] = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
    .returning({ userId: emailTokens.userId });
  return spent?.userId ?? null;
}

/** The most recent link of a purpose the user was sent, to keep resends from flooding their inbox. */
export async function lastEmailTokenAt(tx: Tx, userId: string, purpose: EmailTokenPurpose): Promise<Date | null> {
  const [latest] = await tx
    .select({ createdAt: emailTokens.createdAt })
    .from(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose)))
    .orderBy(desc(emailTokens.createdAt))
    .limit(1);
  return latest?.createdAt ?? null;
}

/** A security notice ("new sign-in", "password changed"): sent whatever the user's notification preference. */
export async function queueSecurityNotice(tx: Tx, recipient: MailRecipient, kind: "newSignIn" | "passwordChanged", params: Record<string, string>, now = new Date()) {
  const time = new Intl.DateTimeFormat(recipient.locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(now);
  const values = { ...params, time };
  await queueMail(tx, recipient, { kind, params: values, lines: [{ key: `${kind}.intro`, params: values }, { key: `${kind}.advice` }], linkPath: "/forgot-password" });
}
