/**
 * The sensitivity check of a study report (GB/T 24067-2024 / ISO 14067 6.4.9 and 6.6): each of
 * the largest hotspots' activity quantities is varied up and down and the footprint recalculated
 * with the same engine, so the report shows how strongly the result responds to its main inputs.
 */
import { calculateFootprint, type CalculationInput, type CalculationSuccess } from "./calculate";
import { Decimal } from "./decimal";

type SensitivityCase = {
  lineId: string;
  /** The relative change of the line's quantity, e.g. "0.1" or "-0.1". */
  variation: string;
  /** The recalculated footprint, kg CO2e per declared unit. */
  result: string;
  /** The relative change of the footprint against the base result ("0" when the base is zero). */
  change: string;
};

type SensitivityOptions = { lines: number; variation: string };

/** ±10 % on each of the top three hotspot lines, as the study report states. */
const STUDY_SENSITIVITY: SensitivityOptions = { lines: 3, variation: "0.1" };

/**
 * One case per hotspot line (largest first) and direction (+ then −). The base calculation
 * must be the successful result of `input`; a varied input stays calculable because only a
 * quantity changes.
 */
export function hotspotSensitivity(
  input: CalculationInput,
  base: CalculationSuccess,
  options: SensitivityOptions = STUDY_SENSITIVITY,
): SensitivityCase[] {
  const baseResult = new Decimal(base.result);
  const variation = new Decimal(options.variation);
  const cases: SensitivityCase[] = [];
  for (const hotspot of base.hotspots.slice(0, options.lines)) {
    for (const delta of [variation, variation.negated()]) {
      const factor = new Decimal(1).plus(delta);
      const varied = calculateFootprint({
        ...input,
        lines: input.lines.map((line) =>
          line.id === hotspot.lineId ? { ...line, quantity: new Decimal(line.quantity).times(factor).toString() } : line,
        ),
      });
      if (!varied.ok) throw new Error(`sensitivity case of line ${hotspot.lineId} did not calculate`);
      const result = new Decimal(varied.result);
      cases.push({
        lineId: hotspot.lineId,
        variation: delta.toString(),
        result: result.toString(),
        change: baseResult.isZero() ? "0" : result.minus(baseResult).dividedBy(baseResult).toString(),
      });
    }
  }
  return cases;
}
