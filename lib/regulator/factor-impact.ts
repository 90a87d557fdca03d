import { Decimal } from "@/lib/calc/decimal";
import { convertQuantity } from "@/lib/calc/units";

/** A recalculation is recommended when a new factor version moves a certified footprint by more than this. */
const RECALCULATION_THRESHOLD = new Decimal("0.1");

type FactorValue = { value: string; unit: string };
export type FactorUseLine = { quantity: string; unit: string; allocationShare: string };

/** kg CO2e per one `to.unit`, of a factor given per `from.unit` (same dimension), or null. */
function valuePerUnit(factor: FactorValue, unit: string): Decimal | null {
  const unitsInOne = convertQuantity("1", unit, factor.unit);
  return unitsInOne.ok ? new Decimal(factor.value).times(unitsInOne.value) : null;
}

/**
 * Relative change of a certified footprint (0.12 = +12 %) if the lines that used
 * `previous` used `next` instead; null when a unit cannot be converted. Only
 * those lines change, proportionally to the factor.
 */
export function footprintShift(input: {
  lines: readonly FactorUseLine[];
  productionVolume: string;
  footprint: string;
  previous: FactorValue;
  next: FactorValue;
}): Decimal | null {
  const footprint = new Decimal(input.footprint);
  const productionVolume = new Decimal(input.productionVolume);
  if (footprint.isZero() || productionVolume.lte(0)) return null;
  let delta = new Decimal(0);
  for (const line of input.lines) {
    const previous = valuePerUnit(input.previous, line.unit);
    const next = valuePerUnit(input.next, line.unit);
    if (!previous || !next) return null;
    delta = delta.plus(new Decimal(line.quantity).times(line.allocationShare).times(next.minus(previous)));
  }
  return delta.dividedBy(productionVolume).dividedBy(footprint);
}

export function recalculationRecommended(shift: Decimal | null): boolean {
  return shift !== null && shift.abs().gt(RECALCULATION_THRESHOLD);
}
