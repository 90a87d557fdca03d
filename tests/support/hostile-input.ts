/**
 * Generated hostile input (issue 11): the strings an attacker types into every field, parameter
 * and path segment. fast-check draws them; the probes count what they sent.
 */
import fc from "fast-check";

/** Inputs the issue found turning into server errors, and their relatives. */
const KNOWN_HOSTILE = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "\uD800",
  "x\uDC00y",
  "\uDBFF\uDBFF",
  "%",
  "%25",
  "%E0%A4%A",
  "%C0%AF",
  "%%32%65",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "99999-01-01",
  "1".repeat(400),
  `${"9".repeat(200)}.${"9".repeat(200)}`,
  "1e999999",
  "-0",
  "NaN",
  "Infinity",
  "-1",
  "0x10",
  "=HYPERLINK(\"http://evil.example\",\"x\")",
  "+cmd|'/C calc'!A0",
  "@SUM(1+1)",
  "\t=1",
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "\u202Egpj.exe",
  "null",
  "undefined",
  "[]",
  "{}",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "not-a-uuid",
  "CFP-CQ-2026-%ZZ",
  "a".repeat(10_000),
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One hostile string: a known one, random text of any code point, or text with NUL / a lone surrogate spliced in. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\uFFFF"), loneSurrogate).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^-?\d{1,30}(\.\d{1,30})?$/) },
);

/** Any JSON-ish value a form or an API body could carry in one field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
);

/** Whether a parsed value still holds text PostgreSQL or UTF-8 cannot take. */
export function holdsUnsafeText(value: unknown): boolean {
  if (typeof value === "string") return /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
  if (Array.isArray(value)) return value.some(holdsUnsafeText);
  if (value && typeof value === "object") return Object.entries(value).some(([key, member]) => holdsUnsafeText(key) || holdsUnsafeText(member));
  return false;
}
