import { randomInt } from "node:crypto";

/** Crockford base-32 without the look-alikes 0/O, 1/I/L and U: 30 symbols, safe to read aloud and retype. */
export const CERTIFICATE_NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export const CERTIFICATE_NUMBER_RANDOM_LENGTH = 6;

const CERTIFICATE_NUMBER_PATTERN = new RegExp(
  `^CFP-[A-Z]{2}-\\d{4}-[${CERTIFICATE_NUMBER_ALPHABET}]{${CERTIFICATE_NUMBER_RANDOM_LENGTH}}$`,
);

/** Returns a uniformly random integer in [0, max). */
type RandomIndex = (max: number) => number;

/**
 * A fresh certificate number such as `CFP-CQ-2026-7K3M9Q`. The suffix is random (30^6 ≈ 7.3e8
 * values) so outsiders cannot enumerate certificates; it is not guaranteed unique, so the caller
 * relies on the unique index and draws again on a conflict.
 */
export function generateCertificateNumber(
  regionCode: string,
  year: number,
  randomIndex: RandomIndex = randomInt,
): string {
  if (!/^[A-Z]{2}$/.test(regionCode)) throw new RangeError(`Region code must be two letters, got "${regionCode}"`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year ${year}`);
  let suffix = "";
  for (let i = 0; i < CERTIFICATE_NUMBER_RANDOM_LENGTH; i++) {
    suffix += CERTIFICATE_NUMBER_ALPHABET[randomIndex(CERTIFICATE_NUMBER_ALPHABET.length)];
  }
  return `CFP-${regionCode}-${year}-${suffix}`;
}

/** Trims and upper-cases what a person typed or a QR scanner passed in. */
export function normalizeCertificateNumber(input: string): string {
  return input.trim().toUpperCase();
}

/** Cheap syntactic check, to reject malformed lookups before touching the database. */
export function isCertificateNumberFormat(input: string): boolean {
  return CERTIFICATE_NUMBER_PATTERN.test(input);
}
