/**
 * Reduction scenarios (issue 16, part 4): each kind of change, recalculated with the real engine,
 * the change per stage and per line, and the grade against a benchmark as issuance grades.
 * The fixture's base: supplier mainboards 1 425 000 kg, allocated plant power 57 770 kg,
 * HFC-134a 3 060 kg, truck 2 340 kg over 10 000 pieces = 148.817 kg CO2e per piece.
 */
import { describe, expect, it } from "vitest";
import { applyScenarioChanges, calculateScenario, scenarioGrade, type ScenarioChangeInput } from "@/lib/rules/scenario";
import type { LoadedInventory } from "@/lib/rules/inventory-snapshot";
import { inventoryFixture } from "../reports/fixtures";

const MAINBOARD = "10000000-0000-4000-8000-000000000001";
const POWER = "10000000-0000-4000-8000-000000000002";
const REFRIGERANT = "10000000-0000-4000-8000-000000000003";
const TRUCK = "10000000-0000-4000-8000-000000000004";

const PV = { id: "00000000-0000-4000-8000-0000000000aa", factorKey: "cn.electricity.pv", version: 1, value: "0.04", unit: "kWh", source: "PV lifecycle factor", emissionCategory: "fossil" as const };

function loaded(): { inventory: LoadedInventory; base: ReturnType<typeof inventoryFixture>["calculation"] } {
  const snapshot = inventoryFixture();
  return {
    inventory: { application: { ...snapshot.application, inventoryRevision: 3 }, product: snapshot.product, lines: snapshot.lines, gwpSet: "AR6", gwp: snapshot.gwp.values },
    base: snapshot.calculation,
  };
}

let sequence = 0;
function change(kind: ScenarioChangeInput["kind"], lineId: string, values: Partial<ScenarioChangeInput> = {}): ScenarioChangeInput {
  return { id: `change-${sequence++}`, lineId, kind, factor: null, percent: null, allocationShare: null, supplierFactor: null, ...values };
}

const BENCHMARK = { value: "150", thresholds: [0.7, 0.85, 1.0, 1.15], declaredUnit: "piece" };

describe("scenario calculation", () => {
  it("without changes is the base calculation", () => {
    const { inventory, base } = loaded();
    expect(base.result).toBe("148.817");
    const outcome = calculateScenario(inventory, base, [], BENCHMARK);
    expect(outcome).toMatchObject({ ok: true, result: "148.817", change: "0", grade: { grade: 3 } });
  });

  it("replaces grid electricity by a PV factor: only the power line and the production stage change", () => {
    const { inventory, base } = loaded();
    const outcome = calculateScenario(inventory, base, [change("replace_factor", POWER, { factor: PV })], BENCHMARK);
    if (!outcome.ok) throw new Error("did not calculate");
    // 250 MWh × 0.4 × 0.04 = 4 000 kg instead of 57 770 kg: −5.377 per piece.
    expect(outcome.result).toBe("143.44");
    expect(outcome.change).toBe("-5.377");
    expect(Number(outcome.relativeChange)).toBeCloseTo(-5.377 / 148.817, 12);
    expect(outcome.byStage).toEqual([
      { stage: "raw_material", base: "142.5", scenario: "142.5", change: "0" },
      { stage: "production", base: "6.083", scenario: "0.706", change: "-5.377" },
      { stage: "distribution", base: "0.234", scenario: "0.234", change: "0" },
    ]);
    expect(outcome.byLine.find((line) => line.lineId === POWER)).toEqual({ lineId: POWER, stage: "production", base: "5.777", scenario: "0.4", change: "-5.377", removed: false });
    expect(outcome.byLine.filter((line) => line.change !== "0").map((line) => line.lineId)).toEqual([POWER]);
    expect(outcome.calculation.factorsUsed.map((factor) => factor.factorKey)).toContain("cn.electricity.pv");
  });

  it("puts a line on a supplier's certified footprint instead of its database factor", () => {
    const { inventory, base } = loaded();
    const outcome = calculateScenario(inventory, base, [change("supplier_footprint", POWER, { supplierFactor: { value: "0.1", unit: "kWh", supplierName: "Green PPA" } })], BENCHMARK);
    // 250 MWh × 0.4 × 0.1 = 10 000 kg instead of 57 770 kg.
    expect(outcome).toMatchObject({ ok: true, result: "144.04", change: "-4.777" });
    const changed = applyScenarioChanges(inventory, [change("supplier_footprint", POWER, { supplierFactor: { value: "0.1", unit: "kWh", supplierName: "Green PPA" } })]);
    expect(changed.lines[1]).toMatchObject({ source: "supplier_factor", factor: null, supplierFactor: { value: "0.1", unit: "kWh", supplierName: "Green PPA" } });
  });

  it("changes a quantity by a percentage and an allocation share", () => {
    const { inventory, base } = loaded();
    const scaled = calculateScenario(inventory, base, [change("scale_quantity", MAINBOARD, { percent: "-10" })], BENCHMARK);
    expect(scaled).toMatchObject({ ok: true, result: "134.567", change: "-14.25", grade: { grade: 3 } });
    const allocated = calculateScenario(inventory, base, [change("set_allocation", POWER, { allocationShare: "0.2" })], BENCHMARK);
    expect(allocated).toMatchObject({ ok: true, result: "145.9285", change: "-2.8885" });
  });

  it("removes a line, which then changes by minus its base emissions", () => {
    const { inventory, base } = loaded();
    const outcome = calculateScenario(inventory, base, [change("remove_line", TRUCK)], BENCHMARK);
    if (!outcome.ok) throw new Error("did not calculate");
    expect(outcome.result).toBe("148.583");
    expect(outcome.byLine.find((line) => line.lineId === TRUCK)).toMatchObject({ scenario: "0", change: "-0.234", removed: true });
    expect(outcome.byStage.find((stage) => stage.stage === "distribution")).toMatchObject({ scenario: "0", change: "-0.234" });
  });

  it("combines changes on several lines, and one line's quantity, share and factor together, and earns a better grade", () => {
    const { inventory, base } = loaded();
    const combined = calculateScenario(
      inventory,
      base,
      [change("replace_factor", POWER, { factor: PV }), change("scale_quantity", POWER, { percent: "50" }), change("scale_quantity", MAINBOARD, { percent: "-20" })],
      BENCHMARK,
    );
    // Power: 375 MWh × 0.4 × 0.04 = 6 000 kg (0.6 per piece); mainboards 114 per piece.
    expect(combined).toMatchObject({ ok: true, result: "115.14", grade: { grade: 2 } });
  });

  it("never changes the inventory it is given", () => {
    const { inventory } = loaded();
    const before = structuredClone(inventory);
    const changed = applyScenarioChanges(inventory, [change("remove_line", REFRIGERANT), change("replace_factor", POWER, { factor: PV })]);
    expect(inventory).toEqual(before);
    expect(changed.lines.map((line) => line.id)).toEqual([MAINBOARD, POWER, TRUCK]);
    expect(changed.lines[1]).toMatchObject({ source: "database_factor", factor: PV });
  });

  it("still totals an inventory the change leaves without a required stage, as the engine does (a submission would refuse it)", () => {
    const { inventory, base } = loaded();
    const outcome = calculateScenario(inventory, base, [change("remove_line", MAINBOARD)], BENCHMARK);
    expect(outcome).toMatchObject({ ok: true, result: "6.317", calculation: { ok: true } });
  });

  it("reports a factor whose unit the line's quantity cannot be converted to", () => {
    const { inventory, base } = loaded();
    const outcome = calculateScenario(inventory, base, [change("replace_factor", POWER, { factor: { ...PV, unit: "kg" } })], BENCHMARK);
    expect(outcome).toMatchObject({ ok: false, failure: { lineErrors: [{ lineId: POWER, reason: "unit_mismatch" }] } });
  });
});

describe("scenario grade", () => {
  it("grades per one declared unit against a benchmark of the same unit, as issuance does, and not otherwise", () => {
    expect(scenarioGrade("105", { declaredUnit: "piece", declaredUnitAmount: "1" }, BENCHMARK)).toEqual({ grade: 1, ratio: "0.7" });
    expect(scenarioGrade("210", { declaredUnit: "piece", declaredUnitAmount: "2" }, BENCHMARK)).toEqual({ grade: 1, ratio: "0.7" });
    expect(scenarioGrade("105", { declaredUnit: "kWh", declaredUnitAmount: "1" }, BENCHMARK)).toBeNull();
    expect(scenarioGrade("105", { declaredUnit: "piece", declaredUnitAmount: "1" }, null)).toBeNull();
  });
});
