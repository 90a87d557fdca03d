/** Attempts before a message is given up as failed (about 5 hours of retries in all). */
export const MAIL_MAX_ATTEMPTS = 6;
/** Longer than one SMTP hand-over can take: a claimed message no runner finished is retried after it. */
export const MAIL_LEASE_SECONDS = 120;

/** When a message whose `attempts`-th attempt failed is tried again: 1, 4, 16, 64, 256 minutes; null after the last. */
export function nextMailAttempt(now: Date, attempts: number): Date | null {
  if (attempts >= MAIL_MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + 60_000 * 4 ** (attempts - 1));
}
