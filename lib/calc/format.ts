import { Decimal } from "./decimal";

/**
 * Rounds to `digits` significant digits, half away from zero, in plain
 * notation without trailing zeros: "306.54" → "307", "12345" → "12300",
 * "0.0123456" → "0.0123", "999.5" → "1000".
 */
export function formatSignificant(value: string, digits = 3): string {
  return plain(new Decimal(value).toSignificantDigits(digits, Decimal.ROUND_HALF_UP));
}

/**
 * Rounds to `digits` significant digits and keeps them all, trailing zeros
 * included, as a headline figure is read: "11.9622" → "12.0", "2" → "2.00",
 * "12345" → "12300", "0.0123456" → "0.0123".
 */
export function formatSignificantFigures(value: string, digits = 3): string {
  const rounded = new Decimal(value).toSignificantDigits(digits, Decimal.ROUND_HALF_UP);
  if (rounded.isZero()) return "0";
  // `e` is the exponent of the leading digit: 12.0 has e = 1, so one decimal place keeps three digits.
  return rounded.toFixed(Math.max(0, digits - 1 - rounded.e));
}

/** Rounds to at most `maxFractionDigits` decimals, half away from zero, without trailing zeros. */
export function formatDecimal(value: string, maxFractionDigits: number): string {
  return plain(new Decimal(value).toDecimalPlaces(maxFractionDigits, Decimal.ROUND_HALF_UP));
}

// A value that rounds to zero prints "0", never "-0".
function plain(value: Decimal): string {
  return value.isZero() ? "0" : value.toFixed();
}
