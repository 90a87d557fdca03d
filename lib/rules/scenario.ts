/**
 * Reduction scenarios (issue 16, part 4): what-if changes to an inventory, calculated with the
 * real engine (`calculateFootprint`) and graded the way issuance grades, so a scenario never
 * shows a figure the certification would not. Pure: the loaders are in lib/dal/scenarios.ts.
 */
import { calculateFootprint, type CalculationFailure, type CalculationSuccess, type LifeCycleStage } from "@/lib/calc/calculate";
import { Decimal } from "@/lib/calc/decimal";
import { gradeFor, type GradeResult } from "@/lib/certificates/grade";
import type { ScenarioChangeKind } from "@/lib/enums";
import { calculationInputFor, type LoadedInventory, type SnapshotFactor, type SnapshotLine } from "@/lib/rules/inventory-snapshot";

/** One change as the calculation reads it (a replacement factor loaded with its values). */
export type ScenarioChangeInput = {
  id: string;
  lineId: string;
  kind: ScenarioChangeKind;
  factor: SnapshotFactor | null;
  /** Percent, e.g. "-20" for 20 % less. */
  percent: string | null;
  allocationShare: string | null;
  /** A supplier's certified footprint the line would use instead of its factor. */
  supplierFactor: { value: string; unit: string; supplierName: string | null } | null;
};

/** The benchmark in force for the product's category in its region, as issuance compares with it. */
export type ScenarioBenchmark = { value: string; thresholds: readonly number[]; declaredUnit: string };

const KIND_ORDER: Record<ScenarioChangeKind, number> = { scale_quantity: 0, set_allocation: 1, replace_factor: 2, supplier_footprint: 2, remove_line: 3 };

function applyToLine(line: SnapshotLine, change: ScenarioChangeInput): SnapshotLine | null {
  switch (change.kind) {
    case "scale_quantity":
      return { ...line, quantity: new Decimal(line.quantity).times(new Decimal(1).plus(new Decimal(change.percent ?? "0").dividedBy(100))).toString() };
    case "set_allocation":
      return { ...line, allocationShare: change.allocationShare ?? line.allocationShare };
    case "replace_factor":
      // The line then reads the database factor, and its category is the factor's, as a new line would.
      return change.factor
        ? { ...line, source: "database_factor", factor: change.factor, supplierFactor: null, gas: null, emissionCategory: change.factor.emissionCategory }
        : line;
    case "supplier_footprint":
      return change.supplierFactor ? { ...line, source: "supplier_factor", factor: null, supplierFactor: change.supplierFactor, gas: null } : line;
    case "remove_line":
      return null;
  }
}

/**
 * The inventory as the scenario would have it: each line with its changes (quantity, then
 * allocation, then factor or supplier footprint; a removed line is gone). The inventory itself is never touched.
 */
export function applyScenarioChanges(inventory: LoadedInventory, changes: readonly ScenarioChangeInput[]): LoadedInventory {
  const ordered = [...changes].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const lines: SnapshotLine[] = [];
  for (const original of inventory.lines) {
    let line: SnapshotLine | null = original;
    for (const change of ordered) {
      if (line && change.lineId === original.id) line = applyToLine(line, change);
    }
    if (line) lines.push(line);
  }
  return { ...inventory, lines };
}

type StageChange = { stage: LifeCycleStage; base: string; scenario: string; change: string };
type LineChange = { lineId: string; stage: LifeCycleStage; base: string; scenario: string; change: string; removed: boolean };

export type ScenarioOutcome =
  | {
      ok: true;
      /** kg CO2e per declared unit. */
      result: string;
      change: string;
      /** change / base result ("0" for a zero base). */
      relativeChange: string;
      byStage: StageChange[];
      byLine: LineChange[];
      grade: GradeResult | null;
      calculation: CalculationSuccess;
    }
  | { ok: false; failure: CalculationFailure };

/**
 * The grade a footprint would get against the benchmark in force: per one declared unit, and only
 * against a benchmark stated per the same unit (otherwise none, never a guess) — as issuance does.
 */
export function scenarioGrade(result: string, product: { declaredUnit: string; declaredUnitAmount: string }, benchmark: ScenarioBenchmark | null): GradeResult | null {
  if (!benchmark || benchmark.declaredUnit !== product.declaredUnit) return null;
  const perUnit = new Decimal(result).dividedBy(new Decimal(product.declaredUnitAmount)).toFixed();
  return gradeFor(perUnit, benchmark);
}

function minus(a: string | undefined, b: string | undefined): string {
  return new Decimal(a ?? "0").minus(new Decimal(b ?? "0")).toString();
}

/**
 * The scenario's footprint beside the base calculation of the same inventory: the new total, the
 * change per stage and per line (a removed line changes by minus its base emissions), and the grade.
 */
export function calculateScenario(
  inventory: LoadedInventory,
  base: CalculationSuccess,
  changes: readonly ScenarioChangeInput[],
  benchmark: ScenarioBenchmark | null,
): ScenarioOutcome {
  const calculation = calculateFootprint(calculationInputFor(applyScenarioChanges(inventory, changes)));
  if (!calculation.ok) return { ok: false, failure: calculation };
  const baseResult = new Decimal(base.result);
  const change = new Decimal(calculation.result).minus(baseResult);
  const stages = Object.keys(base.byStage) as LifeCycleStage[];
  const scenarioLines = new Map(calculation.lines.map((line) => [line.lineId, line]));
  return {
    ok: true,
    result: calculation.result,
    change: change.toString(),
    relativeChange: baseResult.isZero() ? "0" : change.dividedBy(baseResult).toString(),
    byStage: stages.map((stage) => ({ stage, base: base.byStage[stage] ?? "0", scenario: calculation.byStage[stage] ?? "0", change: minus(calculation.byStage[stage], base.byStage[stage]) })),
    byLine: base.lines.map((line) => {
      const after = scenarioLines.get(line.lineId);
      return { lineId: line.lineId, stage: line.stage, base: line.emissions, scenario: after?.emissions ?? "0", change: minus(after?.emissions, line.emissions), removed: !after };
    }),
    grade: scenarioGrade(calculation.result, inventory.product, benchmark),
    calculation,
  };
}
