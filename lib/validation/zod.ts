/**
 * zod with i18n-key messages: import `z` from here in every shared schema so
 * that the same schema validates the form and the server action, and both
 * show the same translated errors.
 */
import { z } from "zod";
import { messageKey } from "@/lib/i18n/translate";

z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === ""
          ? "validation.required"
          : "validation.invalidType";
      case "too_small":
        if (issue.origin === "string") {
          return Number(issue.minimum) <= 1
            ? "validation.required"
            : messageKey("validation.tooShort", { minimum: Number(issue.minimum) });
        }
        if (issue.origin === "array" || issue.origin === "set") {
          return messageKey("validation.tooFewItems", { minimum: Number(issue.minimum) });
        }
        return messageKey(issue.inclusive ? "validation.min" : "validation.greaterThan", {
          minimum: Number(issue.minimum),
        });
      case "too_big":
        if (issue.origin === "string") {
          return messageKey("validation.tooLong", { maximum: Number(issue.maximum) });
        }
        if (issue.origin === "array" || issue.origin === "set") {
          return messageKey("validation.tooManyItems", { maximum: Number(issue.maximum) });
        }
        return messageKey(issue.inclusive ? "validation.max" : "validation.lessThan", {
          maximum: Number(issue.maximum),
        });
      case "invalid_format":
        return issue.format === "email" ? "validation.email" : "validation.format";
      case "invalid_value":
        return "validation.choice";
      default:
        return "validation.invalid";
    }
  },
});

export { z };

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const isoDate = z.iso.date({ message: "validation.date" });

/**
 * NUL (PostgreSQL text cannot hold it) or one half of a UTF-16 surrogate pair without the other
 * (no UTF-8 form): never a character anyone typed.
 */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

/** The string every schema starts from: text that PostgreSQL and UTF-8 can hold, else a field error. */
export function textInput() {
  return z.string().refine(isSafeText, { message: "validation.unsafeText", abort: true });
}

/** A plain decimal number as typed: digits, an optional sign and fraction. */
export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Groups of three digits separated by commas, as people type large quantities: "1,200,000.5". */
const GROUPED_DECIMAL = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number as people type it, made plain: full-width characters of a Chinese input method
 * ("１，２００，０００．５", "－３") become ASCII (NFKC), and commas that separate groups of three
 * digits are dropped ("1,200,000" → "1200000"). Anything else is returned trimmed and unchanged —
 * "1,5" stays "1,5" and fails the number check, since a comma is never read as a decimal mark.
 */
export function normalizeDecimalInput(value: string): string {
  const ascii = value.normalize("NFKC").trim();
  return GROUPED_DECIMAL.test(ascii) ? ascii.replaceAll(",", "") : ascii;
}

/** The error for a number that is not one: a misplaced comma gets a message that says where commas go. */
export function decimalErrorMessage(normalized: string): string {
  return normalized.includes(",") ? "validation.numberSeparators" : "validation.number";
}
const MAX_INTEGER_DIGITS = 15;
const MAX_FRACTION_DIGITS = 12;

/**
 * Within the precision a quantity can mean (and the numeric columns and the decimal engine handle
 * quickly): a million-digit number is a field error, not a database overflow.
 */
export function isBoundedDecimal(value: string): boolean {
  const [integer, fraction = ""] = value.replace(/^-/, "").replace(/[eE].*$/, "").split(".");
  return integer.length <= MAX_INTEGER_DIGITS && fraction.length <= MAX_FRACTION_DIGITS;
}

export const DECIMAL_BOUNDS_MESSAGE = messageKey("validation.decimalBounds", {
  integer: MAX_INTEGER_DIGITS,
  fraction: MAX_FRACTION_DIGITS,
});
