/**
 * The product carbon footprint engine: pure and deterministic, shared by the
 * browser (live preview) and the server (stored calculations, snapshots).
 * Every figure is a decimal string at full precision (see ./decimal).
 */
import { LIFE_CYCLE_STAGES, type DataType, type EmissionCategory, type LifeCycleStage, type LineSource, type SystemBoundary } from "@/lib/enums";
import { Decimal, parseDecimal } from "./decimal";
import { convertQuantity, normalizeUnit } from "./units";

export type { DataType, EmissionCategory, LifeCycleStage, LineSource, SystemBoundary };

const STAGE_RANK: Record<LifeCycleStage, number> = {
  raw_material: 0,
  production: 1,
  distribution: 2,
  use: 3,
  end_of_life: 4,
};

/** Distribution is optional under cradle-to-gate: some rules include delivery to the customer. */
const ALLOWED_STAGES: Record<SystemBoundary, readonly LifeCycleStage[]> = {
  cradle_to_gate: ["raw_material", "production", "distribution"],
  cradle_to_grave: LIFE_CYCLE_STAGES,
};

const REQUIRED_STAGES: Record<SystemBoundary, readonly LifeCycleStage[]> = {
  cradle_to_gate: ["raw_material", "production"],
  cradle_to_grave: LIFE_CYCLE_STAGES,
};

/** Stages that must each hold at least one inventory line. */
export function requiredStages(boundary: SystemBoundary): LifeCycleStage[] {
  return [...REQUIRED_STAGES[boundary]];
}

export function allowedStages(boundary: SystemBoundary): LifeCycleStage[] {
  return [...ALLOWED_STAGES[boundary]];
}

/** Whether a line's quantity is a number other than zero (a zero placeholder holds no data). */
function hasQuantity(line: { quantity: string }): boolean {
  const quantity = parseDecimal(line.quantity);
  return quantity !== null && !quantity.isZero();
}

/** Required stages without any line of a non-zero quantity, in stage order. */
export function missingStages(
  boundary: SystemBoundary,
  lines: ReadonlyArray<{ stage: LifeCycleStage; quantity: string }>,
): LifeCycleStage[] {
  const present = new Set(lines.filter(hasQuantity).map((line) => line.stage));
  return REQUIRED_STAGES[boundary].filter((stage) => !present.has(stage));
}

export type GwpTable = Record<string, { value: string; emissionCategory: EmissionCategory }>;

/** Builds the calculation's GWP table from GWP rows (seed list or `gwp_values`). */
export function toGwpTable(
  entries: ReadonlyArray<{ gas: string; value: string; emissionCategory: EmissionCategory }>,
): GwpTable {
  return Object.fromEntries(
    entries.map((entry) => [entry.gas, { value: entry.value, emissionCategory: entry.emissionCategory }]),
  );
}

export type DatabaseFactor = {
  id: string;
  factorKey: string;
  version: number;
  /** kg CO2e per one `unit`. */
  value: string;
  unit: string;
  emissionCategory: EmissionCategory;
  source: string;
};

export type CalculationLine = {
  id: string;
  stage: LifeCycleStage;
  description: string;
  /** Activity over the reference period, in `unit`. */
  quantity: string;
  unit: string;
  source: LineSource;
  factor?: DatabaseFactor | null;
  /** kg CO2e per one `unit` of the supplier's own factor. */
  supplierFactor?: { value: string; unit: string } | null;
  gas?: string | null;
  dataType: DataType;
  dqr: { technological: number; geographical: number; temporal: number };
  /** Share in [0, 1] of a plant-level quantity attributed to this product. */
  allocationShare: string;
  /** Ignored for direct-gas lines, whose gas decides the category. */
  emissionCategory: EmissionCategory;
};

export type CalculationInput = {
  boundary: SystemBoundary;
  /** Declared units produced in the reference period. */
  productionVolume: string;
  gwpSet: "AR6";
  gwp: GwpTable;
  lines: readonly CalculationLine[];
};

export type LineErrorReason =
  | "stage_outside_boundary"
  | "invalid_number"
  | "invalid_allocation"
  | "invalid_dqr"
  | "missing_factor"
  | "unknown_gas"
  | "unknown_unit"
  | "unit_mismatch";

export type LineError = { lineId: string; reason: LineErrorReason; detail: string };

export type CalculationFailure = {
  ok: false;
  lineErrors: LineError[];
  /** Reported alongside, never a cause of failure on its own (see `missingStages`). */
  missingStages: LifeCycleStage[];
  /** Production volume absent, unparsable or not positive. */
  invalidProductionVolume: boolean;
};

export type LineResult = {
  lineId: string;
  stage: LifeCycleStage;
  emissionCategory: EmissionCategory;
  /** kg CO2e over the reference period. */
  periodEmissions: string;
  /** kg CO2e per declared unit. */
  emissions: string;
  /** Of the headline result; negative for biogenic removals. */
  share: string;
};

type FactorUsed = { factorId: string; factorKey: string; version: number };

export type CalculationSuccess = {
  ok: true;
  /** The headline footprint, kg CO2e per declared unit. */
  result: string;
  /** The headline footprint for the whole reference period. */
  totalPeriod: string;
  byStage: Partial<Record<LifeCycleStage, string>>;
  byCategory: Record<EmissionCategory, string>;
  /** Biogenic removals per declared unit (zero or negative), kept out of `result`. */
  biogenicRemovals: string;
  lines: LineResult[];
  /** The ten lines with the largest absolute emissions. */
  hotspots: LineResult[];
  /** Emissions from primary-data lines / headline emissions. */
  primaryShare: string;
  /** Emission-weighted mean DQR (1 best … 5 worst), two decimals. */
  dataQuality: string;
  factorsUsed: FactorUsed[];
  gwpSet: string;
};

/** What a stored calculation keeps in its `breakdown` column (the headline figures have columns of their own). */
export type CalculationBreakdown = Omit<CalculationSuccess, "ok" | "result" | "primaryShare" | "dataQuality" | "gwpSet">;

export type CalculationResult = CalculationSuccess | CalculationFailure;

type LineEmissions = {
  line: CalculationLine;
  category: EmissionCategory;
  periodEmissions: Decimal;
};

type LineOutcome = { ok: true; category: EmissionCategory; periodEmissions: Decimal } | { ok: false; error: LineError };

const HOTSPOT_COUNT = 10;
const ZERO = new Decimal(0);

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stage order, then line id: the one order every sum and list follows. */
function compareLines(a: CalculationLine, b: CalculationLine): number {
  return STAGE_RANK[a.stage] - STAGE_RANK[b.stage] || compareIds(a.id, b.id);
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

function parsePositiveDecimal(value: string): Decimal | null {
  const parsed = parseDecimal(value);
  return parsed && parsed.greaterThan(0) ? parsed : null;
}

function isValidRating(rating: number): boolean {
  return Number.isInteger(rating) && rating >= 1 && rating <= 5;
}

function lineError(line: CalculationLine, reason: LineErrorReason, detail: string): LineOutcome {
  return { ok: false, error: { lineId: line.id, reason, detail } };
}

/** Quantity converted into `targetUnit`, or the error to show on the line. */
function convertLineQuantity(
  line: CalculationLine,
  quantity: Decimal,
  targetUnit: string,
): { ok: true; value: Decimal } | { ok: false; outcome: LineOutcome } {
  const converted = convertQuantity(quantity, line.unit, targetUnit);
  if (converted.ok) return converted;
  if (converted.reason === "dimension_mismatch") {
    return { ok: false, outcome: lineError(line, "unit_mismatch", `${line.unit} cannot be converted to ${targetUnit}`) };
  }
  const unknown = normalizeUnit(line.unit) === null ? line.unit : targetUnit;
  return { ok: false, outcome: lineError(line, "unknown_unit", `unknown unit "${unknown}"`) };
}

function evaluateLine(line: CalculationLine, gwp: GwpTable): LineOutcome {
  const quantity = parseDecimal(line.quantity);
  if (!quantity) return lineError(line, "invalid_number", `quantity "${line.quantity}" is not a number`);
  const allocation = parseDecimal(line.allocationShare);
  if (!allocation || allocation.lessThan(0) || allocation.greaterThan(1)) {
    return lineError(line, "invalid_allocation", `allocation share "${line.allocationShare}" is not in [0, 1]`);
  }
  const { technological, geographical, temporal } = line.dqr;
  if (![technological, geographical, temporal].every(isValidRating)) {
    return lineError(line, "invalid_dqr", "data quality ratings must be whole numbers from 1 to 5");
  }

  if (line.source === "direct_gas") {
    // Own properties only: a gas named "constructor" must not reach Object.prototype.
    const entry = line.gas && Object.hasOwn(gwp, line.gas) ? gwp[line.gas] : undefined;
    if (!entry) return lineError(line, "unknown_gas", line.gas ? `no GWP100 value for "${line.gas}"` : "no gas given");
    const gwpValue = parseDecimal(entry.value);
    if (!gwpValue) return lineError(line, "invalid_number", `GWP100 of "${line.gas}" is not a number`);
    const mass = convertLineQuantity(line, quantity, "kg");
    if (!mass.ok) return mass.outcome;
    return { ok: true, category: entry.emissionCategory, periodEmissions: mass.value.times(allocation).times(gwpValue) };
  }

  const factor = line.source === "database_factor" ? line.factor : line.supplierFactor;
  if (!factor) return lineError(line, "missing_factor", `no ${line.source === "database_factor" ? "database" : "supplier"} factor`);
  const factorValue = parseDecimal(factor.value);
  if (!factorValue) return lineError(line, "invalid_number", `factor value "${factor.value}" is not a number`);
  const activity = convertLineQuantity(line, quantity, factor.unit);
  if (!activity.ok) return activity.outcome;
  return {
    ok: true,
    category: line.emissionCategory,
    periodEmissions: activity.value.times(allocation).times(factorValue),
  };
}

/** Biogenic removals are reported apart from the headline (ISO 14067 / GB/T 24067). */
function isBiogenicRemoval(item: LineEmissions): boolean {
  return item.category === "biogenic" && item.periodEmissions.lessThan(0);
}

function meanRating(line: CalculationLine): Decimal {
  const { technological, geographical, temporal } = line.dqr;
  return new Decimal(technological + geographical + temporal).dividedBy(3);
}

/**
 * Mean DQR weighted by absolute period emissions (removals are data too);
 * plain mean when every line is zero.
 */
function weightedDataQuality(items: readonly LineEmissions[]): Decimal {
  const weights = items.map((item) => item.periodEmissions.abs());
  const totalWeight = sum(weights);
  if (totalWeight.isZero()) {
    return sum(items.map((item) => meanRating(item.line))).dividedBy(items.length);
  }
  return sum(items.map((item, index) => meanRating(item.line).times(weights[index]))).dividedBy(totalWeight);
}

function collectFactorsUsed(lines: readonly CalculationLine[]): FactorUsed[] {
  const byId = new Map<string, FactorUsed>();
  for (const line of lines) {
    if (line.source === "database_factor" && line.factor) {
      const { id, factorKey, version } = line.factor;
      byId.set(id, { factorId: id, factorKey, version });
    }
  }
  return [...byId.values()].sort(
    (a, b) => compareIds(a.factorKey, b.factorKey) || a.version - b.version || compareIds(a.factorId, b.factorId),
  );
}

/**
 * Calculates the footprint per declared unit. Any line error (or an unusable
 * production volume) yields no total at all: a line is never dropped or
 * counted as zero silently. An empty required stage does not stop the
 * calculation — the figure of the lines entered is worth seeing — but it
 * stops a submission (`missingStages`, checked by `submitApplication`).
 *
 * Headline = fossil + land-use-change + biogenic emissions. Biogenic lines
 * with a negative value (carbon uptake) are removals: reported in
 * `biogenicRemovals`, not netted into the headline. Negative fossil or
 * land-use-change lines stay in the headline, as entered.
 */
export function calculateFootprint(input: CalculationInput): CalculationResult {
  const lines = [...input.lines].sort(compareLines);
  const allowed = new Set(ALLOWED_STAGES[input.boundary]);
  const lineErrors: LineError[] = [];
  const evaluated: LineEmissions[] = [];

  for (const line of lines) {
    if (!allowed.has(line.stage)) {
      lineErrors.push({
        lineId: line.id,
        reason: "stage_outside_boundary",
        detail: `stage ${line.stage} is outside the ${input.boundary} boundary`,
      });
    }
    const outcome = evaluateLine(line, input.gwp);
    if (outcome.ok) evaluated.push({ line, category: outcome.category, periodEmissions: outcome.periodEmissions });
    else lineErrors.push(outcome.error);
  }

  const missing = missingStages(input.boundary, lines);
  const productionVolume = parsePositiveDecimal(input.productionVolume);
  if (lineErrors.length > 0 || !productionVolume) {
    return { ok: false, lineErrors, missingStages: missing, invalidProductionVolume: !productionVolume };
  }

  const counted = evaluated.filter((item) => !isBiogenicRemoval(item));
  const removals = evaluated.filter(isBiogenicRemoval);
  const totalPeriod = sum(counted.map((item) => item.periodEmissions));
  const perUnit = (periodValue: Decimal) => periodValue.dividedBy(productionVolume).toString();
  const shareOfTotal = (periodValue: Decimal) =>
    totalPeriod.isZero() ? "0" : periodValue.dividedBy(totalPeriod).toString();

  const byStage: Partial<Record<LifeCycleStage, string>> = {};
  for (const stage of ALLOWED_STAGES[input.boundary]) {
    byStage[stage] = perUnit(sum(counted.filter((item) => item.line.stage === stage).map((item) => item.periodEmissions)));
  }
  const categoryTotal = (category: EmissionCategory) =>
    perUnit(sum(counted.filter((item) => item.category === category).map((item) => item.periodEmissions)));

  const lineResults: LineResult[] = evaluated.map((item) => ({
    lineId: item.line.id,
    stage: item.line.stage,
    emissionCategory: item.category,
    periodEmissions: item.periodEmissions.toString(),
    emissions: perUnit(item.periodEmissions),
    share: shareOfTotal(item.periodEmissions),
  }));
  const hotspots = evaluated
    .map((item, index) => ({ magnitude: item.periodEmissions.abs(), result: lineResults[index] }))
    .filter(({ magnitude }) => !magnitude.isZero())
    // Array.prototype.sort is stable, so equal magnitudes keep stage/id order.
    .sort((a, b) => b.magnitude.comparedTo(a.magnitude))
    .slice(0, HOTSPOT_COUNT)
    .map(({ result }) => result);

  const primaryPeriod = sum(counted.filter((item) => item.line.dataType === "primary").map((item) => item.periodEmissions));

  return {
    ok: true,
    result: perUnit(totalPeriod),
    totalPeriod: totalPeriod.toString(),
    byStage,
    byCategory: {
      fossil: categoryTotal("fossil"),
      biogenic: categoryTotal("biogenic"),
      land_use_change: categoryTotal("land_use_change"),
    },
    biogenicRemovals: perUnit(sum(removals.map((item) => item.periodEmissions))),
    lines: lineResults,
    hotspots,
    primaryShare: shareOfTotal(primaryPeriod),
    dataQuality: weightedDataQuality(evaluated).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    factorsUsed: collectFactorsUsed(lines),
    gwpSet: input.gwpSet,
  };
}
