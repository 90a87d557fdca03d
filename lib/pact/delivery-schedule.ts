/**
 * When a PACT reply is tried again: exponential backoff (PACT 3.0: "retry … using an exponential
 * backoff strategy … abandon sending the event after 72 hours"), from half a minute, doubling
 * after each failure, at most an hour apart.
 */
import { DELIVERY_WINDOW_HOURS } from "./vocabulary";

const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 3600;

/** The wait after the `failures`-th failed attempt (1 = the first). */
export function retryDelaySeconds(failures: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, failures - 1), LONGEST_RETRY_SECONDS);
}

/** How long a new event may take to be delivered. */
export function deliveryDeadline(createdAt: Date): Date {
  return new Date(createdAt.getTime() + DELIVERY_WINDOW_HOURS * 3_600_000);
}

/** The next attempt after a failure, or null when it would fall after the deadline (give up). */
export function nextAttemptAfterFailure(now: Date, failures: number, deliverUntil: Date): Date | null {
  const next = new Date(now.getTime() + retryDelaySeconds(failures) * 1000);
  return next > deliverUntil ? null : next;
}
