/**
 * The declared unit of a product in PACT's terms: PACT 3.0 names ten units of measurement; a
 * platform unit of the same dimension converts into one of them exactly (decimal arithmetic).
 * Power (a photovoltaic module "per kW") and distance have no PACT unit: such a footprint cannot
 * be exchanged over PACT.
 */
import { Decimal } from "@/lib/calc/decimal";
import { convertQuantity, unitDimension } from "@/lib/calc/units";

export const PACT_UNITS = [
  "liter",
  "kilogram",
  "cubic meter",
  "kilowatt hour",
  "megajoule",
  "ton kilometer",
  "square meter",
  "piece",
  "hour",
  "megabit second",
] as const;
export type PactUnit = (typeof PACT_UNITS)[number];

/** Platform unit → the PACT unit and the platform unit it is counted in. */
const PACT_UNIT_OF: Record<string, { unit: PactUnit; countedIn: string }> = {
  g: { unit: "kilogram", countedIn: "kg" },
  kg: { unit: "kilogram", countedIn: "kg" },
  t: { unit: "kilogram", countedIn: "kg" },
  Wh: { unit: "kilowatt hour", countedIn: "kWh" },
  kWh: { unit: "kilowatt hour", countedIn: "kWh" },
  MWh: { unit: "kilowatt hour", countedIn: "kWh" },
  GWh: { unit: "kilowatt hour", countedIn: "kWh" },
  MJ: { unit: "megajoule", countedIn: "MJ" },
  GJ: { unit: "megajoule", countedIn: "MJ" },
  L: { unit: "liter", countedIn: "L" },
  m3: { unit: "cubic meter", countedIn: "m3" },
  "kg·km": { unit: "ton kilometer", countedIn: "t·km" },
  "t·km": { unit: "ton kilometer", countedIn: "t·km" },
  piece: { unit: "piece", countedIn: "piece" },
  m2: { unit: "square meter", countedIn: "m2" },
};

type PactDeclaredUnit = { unit: PactUnit; amount: string };

/** `amount` of `unit` as a PACT declared unit, or null when PACT has no unit of that dimension. */
export function pactDeclaredUnit(amount: string, unit: string): PactDeclaredUnit | null {
  const target = PACT_UNIT_OF[unit];
  if (!target) return null;
  const converted = convertQuantity(amount, unit, target.countedIn);
  if (!converted.ok) return null;
  return { unit: target.unit, amount: converted.value.toFixed() };
}

/**
 * PACT's `productMassPerDeclaredUnit`: the declared figure when the enterprise gave one; for a
 * mass unit the declared unit's own mass; for energy and transport units 0, as PACT 3.0 requires
 * ("if the product mass is not relevant … SHALL be populated with 0"); otherwise unknown (null).
 */
export function massPerDeclaredUnit(amount: string, unit: string, declared: string | null | undefined): string | null {
  if (declared !== null && declared !== undefined) return new Decimal(declared).toFixed();
  const dimension = unitDimension(unit);
  if (dimension === "mass") {
    const kilograms = convertQuantity(amount, unit, "kg");
    return kilograms.ok ? kilograms.value.toFixed() : null;
  }
  if (dimension === "energy" || dimension === "transport") return "0";
  return null;
}

/**
 * The platform unit a PACT declared unit counts in (kilogram → kg, kilowatt hour → kWh …), or
 * null for a PACT unit the platform does not count in (hour, megabit second): a footprint per
 * such a unit cannot price an inventory line.
 */
export function platformUnitOf(unit: string): string | null {
  return Object.values(PACT_UNIT_OF).find((entry) => entry.unit === unit)?.countedIn ?? null;
}
