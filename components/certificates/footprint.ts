import { formatSignificant } from "@/lib/calc/format";
import { LABEL_SIGNIFICANT_DIGITS } from "@/lib/certificates/label-svg";

/** The footprint as the label prints it: 3 significant digits, per declared unit. */
export function footprintText(value: string, declaredUnitAmount: string, declaredUnit: string): string {
  const unit = Number(declaredUnitAmount) === 1 ? declaredUnit : `${declaredUnitAmount} ${declaredUnit}`;
  return `${formatSignificant(value, LABEL_SIGNIFICANT_DIGITS)} / ${unit}`;
}
