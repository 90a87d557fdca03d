import "server-only";
import nodemailer from "nodemailer";

/** What the sender needs from a relay: hand over one message, or throw why it could not. */
export type MailTransport = {
  send(message: { to: string; subject: string; text: string; html: string }): Promise<void>;
};

/** Who the mail is from (`MAIL_FROM`); the relay may insist on an address of its own domain. */
function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "CarbonLabel <no-reply@carbonlabel.localhost>";
}

/**
 * The relay named by `SMTP_URL` (e.g. `smtps://user:pass@smtp.example.cn:465` or
 * `smtp://relay.internal:25`), through nodemailer; null without one (the demo): mail then stays
 * in the outbox for the operator to read.
 */
export function smtpTransportFromEnv(env: Record<string, string | undefined> = process.env): MailTransport | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail({ from: mailFrom(), ...message });
    },
  };
}

/** A short, body-free reason for the outbox row: the relay's SMTP answer or the connection error. */
export function describeMailError(error: unknown): string {
  if (error && typeof error === "object") {
    const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
    const parts = [responseCode ? String(responseCode) : code, message].filter(Boolean);
    if (parts.length > 0) return parts.join(" ").slice(0, 500);
  }
  return String(error).slice(0, 500);
}

/** Whether a relay is configured (the outbox page says so when not). */
export function mailRelayConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return !!env.SMTP_URL?.trim();
}
