/**
 * Unified social credit code, GB 32100-2015: 18 characters from a 31-character
 * set (digits and capital letters without I, O, S, V, Z), characters 3–8 the
 * registering authority's division code (digits); the last one is a check
 * character over the first 17.
 */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * What is wrong with a code, so the form can say it: `format` (length or characters) or `check`
 * (well formed, but the last character does not match the first 17, usually a typo); null when valid.
 */
export function creditCodeProblem(value: string): "format" | "check" | null {
  const code = value.trim().toUpperCase();
  if (!FORMAT.test(code)) return "format";
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : "check";
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}

/** Completes 17 characters with their check character (demo data, tests). */
export function withCreditCodeCheck(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}
