import { describe, expect, it } from "vitest";

import {
  allowedStages,
  calculateFootprint,
  missingStages,
  requiredStages,
  toGwpTable,
  type CalculationInput,
  type CalculationLine,
  type CalculationResult,
  type CalculationSuccess,
  type DatabaseFactor,
} from "@/lib/calc/calculate";
import { GWP_AR6 } from "@/lib/calc/gwp";
import { canonicalJson } from "@/lib/calc/snapshot";

const GWP = toGwpTable(GWP_AR6);

const ELECTRICITY: DatabaseFactor = {
  id: "f-electricity",
  factorKey: "test.electricity",
  version: 2,
  value: "0.5",
  unit: "kWh",
  emissionCategory: "fossil",
  source: "test",
};

const STEEL: DatabaseFactor = {
  id: "f-steel",
  factorKey: "test.steel",
  version: 1,
  value: "2000",
  unit: "t",
  emissionCategory: "fossil",
  source: "test",
};

function line(overrides: Partial<CalculationLine> & Pick<CalculationLine, "id">): CalculationLine {
  return {
    stage: "production",
    description: overrides.id,
    quantity: "1",
    unit: "kg",
    source: "database_factor",
    dataType: "secondary",
    dqr: { technological: 3, geographical: 3, temporal: 3 },
    allocationShare: "1",
    emissionCategory: "fossil",
    ...overrides,
  };
}

/** 1000 kWh × 0.5 × 0.4 = 200 kg (primary); 400 kg steel at 2000 kg/t = 800 kg. */
const electricityLine = line({
  id: "line-electricity",
  quantity: "1000",
  unit: "kWh",
  factor: ELECTRICITY,
  allocationShare: "0.4",
  dataType: "primary",
  dqr: { technological: 1, geographical: 1, temporal: 1 },
});
const steelLine = line({
  id: "line-steel",
  stage: "raw_material",
  quantity: "400",
  unit: "kg",
  factor: STEEL,
  dqr: { technological: 3, geographical: 3, temporal: 4 },
});

function input(lines: CalculationLine[], overrides: Partial<CalculationInput> = {}): CalculationInput {
  return { boundary: "cradle_to_gate", productionVolume: "100", gwpSet: "AR6", gwp: GWP, lines, ...overrides };
}

function succeeded(result: CalculationResult): CalculationSuccess {
  if (!result.ok) throw new Error(`expected a result, got ${JSON.stringify(result)}`);
  return result;
}

/** The two required cradle-to-gate stages plus the lines under test, for one declared unit. */
function withBaseline(...lines: CalculationLine[]): CalculationInput {
  return input([electricityLine, steelLine, ...lines], { productionVolume: "1" });
}

describe("calculateFootprint: worked example", () => {
  const result = succeeded(calculateFootprint(input([electricityLine, steelLine])));

  it("multiplies converted quantity, allocation and factor, then divides by production volume", () => {
    expect(result.totalPeriod).toBe("1000");
    expect(result.result).toBe("10");
    expect(result.lines).toEqual([
      {
        lineId: "line-steel",
        stage: "raw_material",
        emissionCategory: "fossil",
        periodEmissions: "800",
        emissions: "8",
        share: "0.8",
      },
      {
        lineId: "line-electricity",
        stage: "production",
        emissionCategory: "fossil",
        periodEmissions: "200",
        emissions: "2",
        share: "0.2",
      },
    ]);
  });

  it("breaks the result down by stage and category", () => {
    expect(result.byStage).toEqual({ raw_material: "8", production: "2", distribution: "0" });
    expect(result.byCategory).toEqual({ fossil: "10", biogenic: "0", land_use_change: "0" });
    expect(result.biogenicRemovals).toBe("0");
  });

  it("reports primary share, emission-weighted data quality, factors and GWP set", () => {
    expect(result.primaryShare).toBe("0.2");
    // (200 × 1 + 800 × 10/3) / 1000 = 2.8667
    expect(result.dataQuality).toBe("2.87");
    expect(result.factorsUsed).toEqual([
      { factorId: "f-electricity", factorKey: "test.electricity", version: 2 },
      { factorId: "f-steel", factorKey: "test.steel", version: 1 },
    ]);
    expect(result.gwpSet).toBe("AR6");
  });

  it("keeps full precision in per-unit values", () => {
    const thirds = succeeded(calculateFootprint(input([electricityLine, steelLine], { productionVolume: "3" })));
    expect(thirds.result).toBe("333.3333333333333333333333333333333333333");
  });
});

describe("calculateFootprint: direct gas and biogenic carbon", () => {
  it("converts gas mass to kg and multiplies by GWP100", () => {
    const n2o = line({ id: "line-n2o", source: "direct_gas", gas: "N2O", quantity: "1000", unit: "g" });
    const result = succeeded(calculateFootprint(withBaseline(n2o)));
    expect(result.lines.find((item) => item.lineId === "line-n2o")?.periodEmissions).toBe("273");
    expect(result.result).toBe("1273");
  });

  it("applies the allocation share to gas lines", () => {
    const sf6 = line({ id: "line-sf6", source: "direct_gas", gas: "SF6", quantity: "0.01", unit: "kg", allocationShare: "0.5" });
    const result = succeeded(calculateFootprint(withBaseline(sf6)));
    expect(result.lines.find((item) => item.lineId === "line-sf6")?.emissions).toBe("126");
  });

  it("takes a gas line's category from the GWP table: non-fossil methane is biogenic", () => {
    const methane = line({
      id: "line-ch4",
      source: "direct_gas",
      gas: "CH4_non_fossil",
      quantity: "2",
      unit: "kg",
      emissionCategory: "fossil",
    });
    const result = succeeded(calculateFootprint(withBaseline(methane)));
    expect(result.byCategory).toEqual({ fossil: "1000", biogenic: "54", land_use_change: "0" });
    expect(result.result).toBe("1054");
    expect(result.lines.find((item) => item.lineId === "line-ch4")?.emissionCategory).toBe("biogenic");
  });

  it("counts land-use-change emissions in the headline", () => {
    const clearing = line({
      id: "line-luc",
      stage: "raw_material",
      source: "supplier_factor",
      supplierFactor: { value: "0.25", unit: "kg" },
      quantity: "200",
      emissionCategory: "land_use_change",
    });
    const result = succeeded(calculateFootprint(withBaseline(clearing)));
    expect(result.byCategory.land_use_change).toBe("50");
    expect(result.result).toBe("1050");
  });

  it("reports biogenic removals separately without netting them into the headline", () => {
    const woodUptake = line({
      id: "line-wood",
      stage: "raw_material",
      source: "supplier_factor",
      supplierFactor: { value: "-1.5", unit: "kg" },
      quantity: "100",
      emissionCategory: "biogenic",
    });
    const result = succeeded(calculateFootprint(withBaseline(woodUptake)));
    expect(result.result).toBe("1000");
    expect(result.byCategory.biogenic).toBe("0");
    expect(result.biogenicRemovals).toBe("-150");
    expect(result.byStage.raw_material).toBe("800");
    expect(result.lines.find((item) => item.lineId === "line-wood")).toMatchObject({
      emissions: "-150",
      share: "-0.15",
    });
  });
});

describe("calculateFootprint: errors refuse a total", () => {
  it("names the line whose unit cannot convert into its factor's unit", () => {
    const wrongUnit = line({ id: "line-bad", quantity: "5", unit: "kg", factor: ELECTRICITY });
    const result = calculateFootprint(withBaseline(wrongUnit));
    expect(result).toEqual({
      ok: false,
      lineErrors: [{ lineId: "line-bad", reason: "unit_mismatch", detail: "kg cannot be converted to kWh" }],
      missingStages: [],
      invalidProductionVolume: false,
    });
    expect(result).not.toHaveProperty("result");
  });

  it("reports every failing line, in stage then id order", () => {
    const lines = [
      line({ id: "z-unknown-unit", unit: "bushel", factor: STEEL }),
      line({ id: "a-no-factor", stage: "production" }),
      line({ id: "m-unknown-gas", stage: "raw_material", source: "direct_gas", gas: "CH4" }),
      line({ id: "b-no-supplier-factor", source: "supplier_factor" }),
    ];
    const result = calculateFootprint(withBaseline(...lines));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.lineErrors.map(({ lineId, reason }) => [lineId, reason])).toEqual([
      ["m-unknown-gas", "unknown_gas"],
      ["a-no-factor", "missing_factor"],
      ["b-no-supplier-factor", "missing_factor"],
      ["z-unknown-unit", "unknown_unit"],
    ]);
  });

  it("knows only the gases of the GWP table", () => {
    const result = calculateFootprint(withBaseline(line({ id: "g", source: "direct_gas", gas: "constructor" })));
    expect(result).toMatchObject({ ok: false, lineErrors: [{ lineId: "g", reason: "unknown_gas" }] });
  });

  it("rejects a gas line that is not a mass", () => {
    const result = calculateFootprint(withBaseline(line({ id: "g", source: "direct_gas", gas: "CO2", unit: "kWh" })));
    expect(result).toMatchObject({ ok: false, lineErrors: [{ lineId: "g", reason: "unit_mismatch" }] });
  });

  it("rejects unparsable numbers, allocation outside [0, 1] and ratings outside 1–5", () => {
    const lines = [
      line({ id: "q", quantity: "1,5", factor: STEEL }),
      line({ id: "r", allocationShare: "1.2", factor: STEEL }),
      line({ id: "s", factor: STEEL, dqr: { technological: 0, geographical: 3, temporal: 3 } }),
      line({ id: "t", factor: { ...STEEL, value: "0x10" } }),
    ];
    const result = calculateFootprint(withBaseline(...lines));
    expect(result).toMatchObject({
      ok: false,
      lineErrors: [
        { lineId: "q", reason: "invalid_number" },
        { lineId: "r", reason: "invalid_allocation" },
        { lineId: "s", reason: "invalid_dqr" },
        { lineId: "t", reason: "invalid_number" },
      ],
    });
  });

  it("refuses a production volume that is not positive", () => {
    expect(calculateFootprint(input([electricityLine, steelLine], { productionVolume: "0" }))).toEqual({
      ok: false,
      lineErrors: [],
      missingStages: [],
      invalidProductionVolume: true,
    });
  });
});

describe("system boundary", () => {
  it("requires raw material and production for cradle-to-gate, every stage for cradle-to-grave", () => {
    expect(requiredStages("cradle_to_gate")).toEqual(["raw_material", "production"]);
    expect(requiredStages("cradle_to_grave")).toEqual(["raw_material", "production", "distribution", "use", "end_of_life"]);
  });

  it("allows distribution, but not use or end of life, under cradle-to-gate", () => {
    expect(allowedStages("cradle_to_gate")).toEqual(["raw_material", "production", "distribution"]);
    expect(allowedStages("cradle_to_grave")).toEqual(requiredStages("cradle_to_grave"));
  });

  it("lists required stages without lines", () => {
    expect(missingStages("cradle_to_grave", [electricityLine, steelLine])).toEqual(["distribution", "use", "end_of_life"]);
    expect(missingStages("cradle_to_gate", [electricityLine])).toEqual(["raw_material"]);
  });

  it("treats use and end-of-life lines as errors under cradle-to-gate", () => {
    const useLine = line({ id: "line-use", stage: "use", unit: "kWh", factor: ELECTRICITY });
    const result = calculateFootprint(withBaseline(useLine));
    expect(result).toMatchObject({
      ok: false,
      lineErrors: [{ lineId: "line-use", reason: "stage_outside_boundary" }],
    });
  });

  it("does not count a zero-quantity line as data for its stage", () => {
    const placeholder = line({ id: "line-zero", stage: "raw_material", quantity: "0", unit: "kg", factor: STEEL });
    expect(missingStages("cradle_to_gate", [electricityLine, placeholder])).toEqual(["raw_material"]);
    expect(missingStages("cradle_to_gate", [electricityLine, { ...placeholder, quantity: "0.5" }])).toEqual([]);
  });

  it("calculates a cradle-to-grave inventory while a stage has no line (submission checks the stages), and every stage once present", () => {
    const incomplete = succeeded(calculateFootprint(input([electricityLine, steelLine], { boundary: "cradle_to_grave" })));
    expect(incomplete.result).toBe("10");
    expect(missingStages("cradle_to_grave", [electricityLine, steelLine])).toEqual(["distribution", "use", "end_of_life"]);

    const laterStages = (["distribution", "use", "end_of_life"] as const).map((stage) =>
      line({ id: `line-${stage}`, stage, quantity: "100", unit: "kWh", factor: ELECTRICITY }),
    );
    const complete = succeeded(
      calculateFootprint(input([electricityLine, steelLine, ...laterStages], { boundary: "cradle_to_grave" })),
    );
    expect(complete.result).toBe("11.5");
    expect(complete.byStage).toEqual({
      raw_material: "8",
      production: "2",
      distribution: "0.5",
      use: "0.5",
      end_of_life: "0.5",
    });
  });
});

describe("primary share and data quality", () => {
  it("is the share of headline emissions from primary lines", () => {
    const primarySteel = { ...steelLine, dataType: "primary" as const };
    expect(succeeded(calculateFootprint(input([electricityLine, primarySteel]))).primaryShare).toBe("1");
    const secondaryElectricity = { ...electricityLine, dataType: "secondary" as const };
    expect(succeeded(calculateFootprint(input([secondaryElectricity, steelLine]))).primaryShare).toBe("0");
  });

  it("weights each line's mean rating by its emissions", () => {
    const equalWeights = input([
      { ...electricityLine, allocationShare: "1", dqr: { technological: 1, geographical: 2, temporal: 3 } },
      { ...steelLine, quantity: "250", dqr: { technological: 4, geographical: 4, temporal: 4 } },
    ]);
    // 500 kg at mean 2 and 500 kg at mean 4
    expect(succeeded(calculateFootprint(equalWeights)).dataQuality).toBe("3.00");
  });

  it("falls back to the plain mean when every line is zero", () => {
    const zero = input([
      { ...electricityLine, quantity: "0" },
      { ...steelLine, quantity: "0" },
    ]);
    const result = succeeded(calculateFootprint(zero));
    // (1 + 10/3) / 2
    expect(result.dataQuality).toBe("2.17");
    expect(result.result).toBe("0");
    expect(result.primaryShare).toBe("0");
    expect(result.hotspots).toEqual([]);
  });
});

describe("hotspots and factors used", () => {
  const materials = Array.from({ length: 12 }, (_, index) =>
    line({ id: `m${String(index).padStart(2, "0")}`, stage: "raw_material", quantity: String((index + 1) * 100), factor: STEEL }),
  );
  const result = succeeded(calculateFootprint(input([electricityLine, ...materials])));

  it("lists the ten largest lines by absolute emissions", () => {
    expect(result.hotspots.map((item) => item.lineId)).toEqual(["m11", "m10", "m09", "m08", "m07", "m06", "m05", "m04", "m03", "m02"]);
  });

  it("lists each factor version once", () => {
    expect(result.factorsUsed).toEqual([
      { factorId: "f-electricity", factorKey: "test.electricity", version: 2 },
      { factorId: "f-steel", factorKey: "test.steel", version: 1 },
    ]);
  });

  it("breaks hotspot ties by stage then line id", () => {
    const twins = input([
      { ...electricityLine, id: "b", allocationShare: "1" },
      { ...electricityLine, id: "a", allocationShare: "1" },
      { ...steelLine, quantity: "250" },
    ]);
    expect(succeeded(calculateFootprint(twins)).hotspots.map((item) => item.lineId)).toEqual(["line-steel", "a", "b"]);
  });
});

describe("determinism", () => {
  it("gives identical output for the same lines in any order", () => {
    const lines = [
      electricityLine,
      steelLine,
      line({ id: "line-ch4", source: "direct_gas", gas: "CH4_fossil", quantity: "3.3", unit: "kg" }),
      line({ id: "line-transport", stage: "distribution", quantity: "123.456", unit: "tkm", supplierFactor: { value: "0.071", unit: "t·km" }, source: "supplier_factor" }),
      line({ id: "line-electricity-2", quantity: "77.7", unit: "MWh", factor: { ...ELECTRICITY, id: "f-electricity-v3", version: 3 } }),
    ];
    const forward = calculateFootprint(input(lines, { productionVolume: "7" }));
    const backward = calculateFootprint(input([...lines].reverse(), { productionVolume: "7" }));
    const shuffled = calculateFootprint(input([lines[3], lines[0], lines[4], lines[2], lines[1]], { productionVolume: "7" }));
    expect(forward.ok).toBe(true);
    expect(canonicalJson(backward)).toBe(canonicalJson(forward));
    expect(canonicalJson(shuffled)).toBe(canonicalJson(forward));
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(forward));
  });
});
