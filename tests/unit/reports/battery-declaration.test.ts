import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/calc/decimal";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import {
  buildBatteryDeclarationDocument,
  declareBatteryFootprint,
  declaredUnitsPerBattery,
  EU_LIFECYCLE_STAGES,
  STAGE_MAPPING,
  totalEnergyOverServiceLife,
  type BatteryDeclarationInput,
  type DeclarationFootprint,
} from "@/lib/rules/battery-declaration";
import { batteryPassErrors } from "../../support/battery-pass-schema";

const INPUT: BatteryDeclarationInput = {
  batteryModel: "LY-LFP280-PACK",
  plantName: "璧山电池工厂",
  plantAddress: "重庆市璧山区高新区",
  plantLatitude: "29.5925",
  plantLongitude: "106.2270",
  batteryCategory: "ev",
  ratedEnergy: "70",
  serviceLife: { basis: "cycles", cycles: 3000 },
  declarationOfConformityId: "EU-DoC-LY-2026-001",
  studyUrl: null,
};

/** Per 1 kWh of rated energy (the product's declared unit), every stage with data. */
const FOOTPRINT: DeclarationFootprint = {
  byStage: { raw_material: "40", production: "25", distribution: "2", use: "8", end_of_life: "3" },
  lineCounts: { raw_material: 2, production: 3, distribution: 1, use: 1, end_of_life: 1 },
  declaredUnitAmount: "1",
  declaredUnit: "kWh",
};

const STUDY = "https://carbonlabel.example.org/labels/CFP-CQ-2026-7K3M9Q";

describe("battery functional unit", () => {
  it("is the total energy over the service life: rated energy × full equivalent cycles, or years × energy per year", () => {
    expect(totalEnergyOverServiceLife("70", { basis: "cycles", cycles: 3000 }).toString()).toBe("210000");
    expect(totalEnergyOverServiceLife("215", { basis: "years", years: "15", annualEnergyThroughput: "62000.5" }).toString()).toBe("930007.5");
  });

  it("counts the declared units one battery is, per piece or per unit of rated energy", () => {
    expect(declaredUnitsPerBattery("1", "kWh", "70")?.toString()).toBe("70");
    expect(declaredUnitsPerBattery("10", "kWh", "70")?.toString()).toBe("7");
    expect(declaredUnitsPerBattery("1", "Wh", "70")?.toString()).toBe("70000");
    expect(declaredUnitsPerBattery("1", "MWh", "70")?.toString()).toBe("0.07");
    expect(declaredUnitsPerBattery("1", "piece", "70")?.toString()).toBe("1");
    expect(declaredUnitsPerBattery("2", "piece", "70")?.toString()).toBe("0.5");
    expect(declaredUnitsPerBattery("1", "t", "70")).toBeNull();
    expect(declaredUnitsPerBattery("1", "kW", "70")).toBeNull();
  });

  it("turns the footprint per declared unit into kg CO2e per kWh of total energy and per battery", () => {
    const outcome = declareBatteryFootprint("li_battery_power", INPUT, FOOTPRINT, STUDY);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
    // (40 + 25 + 2 + 3) kg per kWh of capacity × 70 kWh = 4900 kg per battery, over 210 000 kWh.
    expect(outcome.figures.absolute).toBe("4900");
    expect(outcome.figures.totalEnergyKwh).toBe("210000");
    expect(new Decimal(outcome.figures.perKwh).equals(new Decimal(4900).dividedBy(210000))).toBe(true);
    expect(outcome.figures.stages.map((stage) => [stage.stage, stage.absolute])).toEqual([
      ["RawMaterialExtraction", "2800"],
      ["MainProduction", "1750"],
      ["Distribution", "140"],
      ["Recycling", "210"],
    ]);
    const stageSum = outcome.figures.stages.reduce((sum, stage) => sum.plus(stage.perKwh), new Decimal(0));
    expect(stageSum.toDecimalPlaces(30).equals(new Decimal(outcome.figures.perKwh).toDecimalPlaces(30))).toBe(true);
  });

  it("states a piece-based footprint per battery unchanged", () => {
    const outcome = declareBatteryFootprint("li_battery_storage", { ...INPUT, batteryCategory: "industrial", ratedEnergy: "215" }, { ...FOOTPRINT, declaredUnit: "piece" }, STUDY);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
    expect(outcome.figures.absolute).toBe("70");
    expect(outcome.figures.totalEnergyKwh).toBe("645000");
  });
});

describe("life-cycle stage mapping", () => {
  it("maps every inventory stage onto one Annex II stage, and leaves the use stage out", () => {
    expect(STAGE_MAPPING).toEqual({
      raw_material: "RawMaterialExtraction",
      production: "MainProduction",
      distribution: "Distribution",
      use: null,
      end_of_life: "Recycling",
    });
    for (const stage of EU_LIFECYCLE_STAGES) {
      expect(LIFE_CYCLE_STAGES.filter((inventoryStage) => STAGE_MAPPING[inventoryStage] === stage)).toHaveLength(1);
    }
  });

  it("shows the mapping with each inventory stage's emissions per battery, the use stage excluded", () => {
    const outcome = declareBatteryFootprint("li_battery_power", INPUT, FOOTPRINT, STUDY);
    if (!outcome.ok) throw new Error("refused");
    expect(outcome.figures.mapping).toEqual([
      { inventoryStage: "raw_material", stage: "RawMaterialExtraction", absolute: "2800" },
      { inventoryStage: "production", stage: "MainProduction", absolute: "1750" },
      { inventoryStage: "distribution", stage: "Distribution", absolute: "140" },
      { inventoryStage: "use", stage: null, absolute: "560" },
      { inventoryStage: "end_of_life", stage: "Recycling", absolute: "210" },
    ]);
  });
});

describe("declarations that would be false", () => {
  const reasons = (outcome: ReturnType<typeof declareBatteryFootprint>) => (outcome.ok ? [] : outcome.refusals);

  it("refuses a product outside Article 7's battery categories", () => {
    expect(reasons(declareBatteryFootprint("laptop", INPUT, FOOTPRINT, STUDY))).toEqual([{ reason: "notBatteryCategory" }]);
    expect(reasons(declareBatteryFootprint("li_battery_consumer", INPUT, FOOTPRINT, STUDY))).toEqual([{ reason: "notBatteryCategory" }]);
    expect(reasons(declareBatteryFootprint("li_battery_storage", { ...INPUT, batteryCategory: "industrial", ratedEnergy: "2" }, FOOTPRINT, STUDY))).toEqual([
      { reason: "industrialTooSmall" },
    ]);
  });

  it("refuses a footprint whose declared unit cannot be put per battery", () => {
    expect(reasons(declareBatteryFootprint("li_battery_power", INPUT, { ...FOOTPRINT, declaredUnit: "t" }, STUDY))).toEqual([
      { reason: "unitNotConvertible", declaredUnit: "t" },
    ]);
  });

  it("refuses when a stage of Annex II has no inventory data (a cradle-to-gate study)", () => {
    const gate: DeclarationFootprint = { ...FOOTPRINT, byStage: { raw_material: "40", production: "25", distribution: "0" }, lineCounts: { raw_material: 2, production: 3 } };
    expect(reasons(declareBatteryFootprint("li_battery_power", INPUT, gate, STUDY))).toEqual([{ reason: "missingStages", stages: ["Distribution", "Recycling"] }]);
  });

  it("refuses without a public study to link to", () => {
    expect(reasons(declareBatteryFootprint("li_battery_power", INPUT, FOOTPRINT, null))).toEqual([{ reason: "noStudyLink" }]);
  });
});

describe("Battery Pass JSON", () => {
  const outcome = declareBatteryFootprint("li_battery_power", INPUT, FOOTPRINT, STUDY);
  if (!outcome.ok) throw new Error("refused");
  const document = buildBatteryDeclarationDocument({
    input: INPUT,
    figures: outcome.figures,
    studyUrl: STUDY,
    declaredOn: "2026-04-01",
    manufacturer: { name: "重庆锂源电池科技有限公司", nameEn: "Chongqing Liyuan Battery Technology Co.", creditCode: "91500120MA61C4D5E" },
    product: { nameZh: "磷酸铁锂动力电池包", nameEn: "LFP power battery pack", model: "LY-LFP280" },
    footprint: { perDeclaredUnit: "78", declaredUnit: "1 kWh" },
    verification: null,
    performanceClassReason: "No class yet.",
  });

  it("follows the published carbon footprint model v1.2 (validated against the schema written from it)", () => {
    expect(batteryPassErrors(document.carbonFootprint)).toEqual([]);
    expect(document.aspectModel).toBe("urn:samm:io.BatteryPass.CarbonFootprint:1.2.0#CarbonFootprintForBatteries");
    expect(document.carbonFootprint).toMatchObject({
      batteryCarbonFootprint: 0.0233333333333,
      absoluteCarbonFootprint: 4900,
      carbonFootprintPerformanceClass: "",
      carbonFootprintStudy: STUDY,
    });
    expect(document.carbonFootprint.carbonFootprintPerLifecycleStage).toEqual([
      { lifecycleStage: "RawMaterialExtraction", carbonFootprint: 0.0133333333333 },
      { lifecycleStage: "MainProduction", carbonFootprint: 0.00833333333333 },
      { lifecycleStage: "Distribution", carbonFootprint: 0.000666666666667 },
      { lifecycleStage: "Recycling", carbonFootprint: 0.001 },
    ]);
    expect(document.declaration.lifecycleStageMapping.find((entry) => entry.inventoryStage === "use")).toEqual({
      inventoryStage: "use",
      lifecycleStage: null,
      absoluteCarbonFootprint: 560,
    });
  });

  it("is a schema that can fail: a missing or repeated stage, an unknown member or a non-number is refused", () => {
    const aspect = document.carbonFootprint;
    const stages = aspect.carbonFootprintPerLifecycleStage;
    expect(batteryPassErrors({ ...aspect, carbonFootprintPerLifecycleStage: stages.slice(0, 3) })).not.toEqual([]);
    expect(batteryPassErrors({ ...aspect, carbonFootprintPerLifecycleStage: [stages[0], stages[0], stages[2], stages[3]] })).not.toEqual([]);
    expect(batteryPassErrors({ ...aspect, performanceClassReason: "x" })).not.toEqual([]);
    expect(batteryPassErrors({ ...aspect, batteryCarbonFootprint: "0.02" })).not.toEqual([]);
    expect(batteryPassErrors({ ...aspect, carbonFootprintStudy: "not a link" })).not.toEqual([]);
    expect(batteryPassErrors({ ...aspect, carbonFootprintStudy: undefined })).not.toEqual([]);
  });
});
