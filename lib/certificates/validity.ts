import type { CertificateStatus } from "@/db/schema";

/** CNCA rules: a certificate is valid for 2 years, kept valid by yearly surveillance. */
const CERTIFICATE_VALIDITY_YEARS = 2;
export const SURVEILLANCE_INTERVAL_YEARS = 1;
export const SURVEILLANCE_GRACE_DAYS = 30;

const DAY_MS = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: "${date}"`);
  }
  return { year, month, day };
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same calendar day `years` later; Feb 29 becomes Feb 28 in a common year. */
export function addYears(date: string, years: number): string {
  const { year, month, day } = parseDate(date);
  const targetYear = year + years;
  return formatDate(targetYear, month, Math.min(day, daysInMonth(targetYear, month)));
}

/** The calendar day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function expiryDateFor(issuedOn: string): string {
  return addYears(issuedOn, CERTIFICATE_VALIDITY_YEARS);
}

export function nextSurveillanceDue(issuedOn: string): string {
  return addYears(issuedOn, SURVEILLANCE_INTERVAL_YEARS);
}

/** Calendar days from `today` to `date`; negative once `date` has passed. */
export function daysUntil(date: string, today: string): number {
  const target = parseDate(date);
  const from = parseDate(today);
  return (
    (Date.UTC(target.year, target.month - 1, target.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS
  );
}

/**
 * The status to show: the stored one, which the certificate-expiry job sets to `expired` the day
 * after `expiresOn`; until it has run, the date is the guard. A withdrawal is final and stays
 * visible as such.
 */
export function effectiveStatus(status: CertificateStatus, expiresOn: string, today: string): CertificateStatus {
  if ((status === "valid" || status === "suspended") && daysUntil(expiresOn, today) < 0) return "expired";
  return status;
}

export function isSurveillanceOverdue(
  nextDue: string,
  today: string,
  graceDays: number = SURVEILLANCE_GRACE_DAYS,
): boolean {
  return daysUntil(nextDue, today) < -graceDays;
}

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, the pilot's legal calendar, whatever the server's zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
