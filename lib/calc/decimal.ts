import DecimalJs from "decimal.js";

/**
 * The decimal type of every footprint figure. 40 significant digits keep
 * divisions (MJ → kWh, per declared unit) far beyond any meaningful digit;
 * a fixed precision and rounding mode make results reproducible. Exponent
 * notation is disabled so strings go straight into `numeric` columns and
 * labels.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = DecimalJs;

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a decimal written in ordinary notation, or returns null.
 * Stricter than `new Decimal()`, which also accepts hex, binary, NaN and Infinity.
 */
export function parseDecimal(value: string): Decimal | null {
  const trimmed = value.trim();
  return PLAIN_DECIMAL.test(trimmed) ? new Decimal(trimmed) : null;
}
