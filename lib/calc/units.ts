import { Decimal } from "./decimal";

type Dimension =
  | "mass"
  | "energy"
  | "power"
  | "volume"
  | "transport"
  | "distance"
  | "count"
  | "area";

type UnitDefinition = {
  code: string;
  dimension: Dimension;
  /** How many of the dimension's base unit one of this unit is (exact decimal). */
  factor: string;
  aliases?: readonly string[];
};

/**
 * Base units: kg, MJ (so every energy factor is exact: 1 kWh = 3.6 MJ), kW,
 * m3, t·km, km, piece, m2. Power exists for declared units such as "1 kW"
 * of photovoltaic module.
 */
export const UNITS: readonly UnitDefinition[] = [
  { code: "g", dimension: "mass", factor: "0.001" },
  { code: "kg", dimension: "mass", factor: "1" },
  { code: "t", dimension: "mass", factor: "1000", aliases: ["tonne"] },
  { code: "Wh", dimension: "energy", factor: "0.0036" },
  { code: "kWh", dimension: "energy", factor: "3.6" },
  { code: "MWh", dimension: "energy", factor: "3600" },
  { code: "GWh", dimension: "energy", factor: "3600000" },
  { code: "MJ", dimension: "energy", factor: "1" },
  { code: "GJ", dimension: "energy", factor: "1000" },
  { code: "W", dimension: "power", factor: "0.001" },
  { code: "kW", dimension: "power", factor: "1" },
  { code: "MW", dimension: "power", factor: "1000" },
  { code: "L", dimension: "volume", factor: "0.001" },
  { code: "m3", dimension: "volume", factor: "1", aliases: ["m³"] },
  { code: "kg·km", dimension: "transport", factor: "0.001", aliases: ["kgkm", "kg*km"] },
  { code: "t·km", dimension: "transport", factor: "1", aliases: ["tkm", "t*km"] },
  { code: "km", dimension: "distance", factor: "1" },
  { code: "piece", dimension: "count", factor: "1", aliases: ["pcs"] },
  { code: "m2", dimension: "area", factor: "1", aliases: ["m²"] },
];

type UnitCode = string;

/** Canonical codes, in registry order, for select boxes. */
export const UNIT_CODES: readonly UnitCode[] = UNITS.map((unit) => unit.code);

// Matching ignores case: no two codes or aliases differ only by case, and
// users type "KWH" or "kwh" for kWh.
const UNIT_BY_SPELLING = new Map<string, UnitDefinition>(
  UNITS.flatMap((unit) =>
    [unit.code, ...(unit.aliases ?? [])].map((spelling) => [spelling.toLowerCase(), unit] as const),
  ),
);

function lookupUnit(code: string): UnitDefinition | undefined {
  return UNIT_BY_SPELLING.get(code.trim().toLowerCase());
}

/** The canonical code for a unit spelling or alias, or null when unknown. */
export function normalizeUnit(code: string): UnitCode | null {
  return lookupUnit(code)?.code ?? null;
}

export function unitDimension(code: string): Dimension | null {
  return lookupUnit(code)?.dimension ?? null;
}

type ConversionResult =
  | { ok: true; value: Decimal }
  | { ok: false; reason: "unknown_unit" | "dimension_mismatch"; from: string; to: string };

/** Converts a quantity between units of one dimension; a string value must be a valid decimal. */
export function convertQuantity(value: Decimal | string, from: string, to: string): ConversionResult {
  const fromUnit = lookupUnit(from);
  const toUnit = lookupUnit(to);
  if (!fromUnit || !toUnit) return { ok: false, reason: "unknown_unit", from, to };
  if (fromUnit.dimension !== toUnit.dimension) {
    return { ok: false, reason: "dimension_mismatch", from, to };
  }
  const quantity = new Decimal(value);
  if (fromUnit === toUnit) return { ok: true, value: quantity };
  return { ok: true, value: quantity.times(fromUnit.factor).dividedBy(toUnit.factor) };
}
