/**
 * The EU battery carbon footprint declaration (Regulation (EU) 2023/1542, Article 7 and
 * Annex II) computed from a certified or calculated footprint: the functional unit (one kWh of
 * the total energy the battery provides over its expected service life), the four life-cycle
 * stages the regulation reports, mapped from the inventory's stages, and the refusals where a
 * declaration would be false. Pure: the same inputs give the same declaration.
 */
import {
  BATTERY_PASS_CARBON_FOOTPRINT_ASPECT,
  type BatteryDeclarationDocument,
  type BatteryPassLifecycleStage,
} from "@/lib/certificates/battery-declaration-data";
import { LIFE_CYCLE_STAGES, type BatteryCategory, type LifeCycleStage, type ServiceLifeBasis } from "@/lib/enums";
import { Decimal } from "@/lib/calc/decimal";
import { convertQuantity, unitDimension } from "@/lib/calc/units";

/** The life-cycle stages of Annex II, as the Battery Pass data model v1.2 names them. */
export const EU_LIFECYCLE_STAGES = ["RawMaterialExtraction", "MainProduction", "Distribution", "Recycling"] as const satisfies readonly BatteryPassLifecycleStage[];
type EuLifecycleStage = (typeof EU_LIFECYCLE_STAGES)[number];

/**
 * Inventory stage → Annex II stage. The use stage is left out: Annex II excludes it from the
 * battery carbon footprint, as it is not under the manufacturer's direct influence.
 */
export const STAGE_MAPPING: Record<LifeCycleStage, EuLifecycleStage | null> = {
  raw_material: "RawMaterialExtraction",
  production: "MainProduction",
  distribution: "Distribution",
  use: null,
  end_of_life: "Recycling",
};

/**
 * The product categories whose batteries Article 7 covers: traction (EV and LMT) and
 * rechargeable industrial (energy storage) batteries. Portable (consumer) batteries are outside it.
 */
const ARTICLE_7_PRODUCT_CATEGORIES: readonly string[] = ["li_battery_power", "li_battery_storage"];

/** Industrial batteries are covered above this rated energy (kWh). */
const INDUSTRIAL_MINIMUM_KWH = "2";

export function isArticle7Category(categoryId: string): boolean {
  return ARTICLE_7_PRODUCT_CATEGORIES.includes(categoryId);
}

type ServiceLife =
  | { basis: Extract<ServiceLifeBasis, "cycles">; cycles: number }
  | { basis: Extract<ServiceLifeBasis, "years">; years: string; annualEnergyThroughput: string };

export type BatteryDeclarationInput = {
  batteryModel: string;
  plantName: string;
  plantAddress: string;
  plantLatitude: string;
  plantLongitude: string;
  batteryCategory: BatteryCategory;
  /** kWh. */
  ratedEnergy: string;
  serviceLife: ServiceLife;
  declarationOfConformityId: string;
  /** The public study; null = the certificate's public label page. */
  studyUrl: string | null;
};

/** Total energy provided over the service life, kWh: rated energy × full equivalent cycles, or years × energy per year. */
export function totalEnergyOverServiceLife(ratedEnergy: string, serviceLife: ServiceLife): Decimal {
  return serviceLife.basis === "cycles"
    ? new Decimal(ratedEnergy).times(serviceLife.cycles)
    : new Decimal(serviceLife.years).times(serviceLife.annualEnergyThroughput);
}

/**
 * How many declared units one battery is: the rated energy in the declared unit's terms when the
 * footprint is per unit of energy (capacity), 1 / amount when it is per piece. Null when the
 * declared unit cannot express a battery (mass, volume …): no per-kWh figure can then be true.
 */
export function declaredUnitsPerBattery(declaredUnitAmount: string, declaredUnit: string, ratedEnergy: string): Decimal | null {
  const amount = new Decimal(declaredUnitAmount);
  const dimension = unitDimension(declaredUnit);
  if (dimension === "count") {
    const pieces = convertQuantity(amount, declaredUnit, "piece");
    return pieces.ok ? new Decimal(1).dividedBy(pieces.value) : null;
  }
  if (dimension === "energy") {
    const capacity = convertQuantity(ratedEnergy, "kWh", declaredUnit);
    return capacity.ok ? capacity.value.dividedBy(amount) : null;
  }
  return null;
}

export type DeclarationFootprint = {
  /** kg CO2e per declared unit, by inventory stage (stages outside the boundary absent). */
  byStage: Partial<Record<LifeCycleStage, string>>;
  /** Inventory lines per stage: a stage with none was not studied. */
  lineCounts: Partial<Record<LifeCycleStage, number>>;
  declaredUnitAmount: string;
  declaredUnit: string;
};

export type DeclarationRefusal =
  | { reason: "notBatteryCategory" }
  | { reason: "industrialTooSmall" }
  | { reason: "unitNotConvertible"; declaredUnit: string }
  | { reason: "missingStages"; stages: EuLifecycleStage[] }
  | { reason: "noStudyLink" };

export type DeclarationFigures = {
  /** kg CO2e per kWh of total energy over the service life (the declared footprint). */
  perKwh: string;
  /** kg CO2e per battery, the four stages summed. */
  absolute: string;
  totalEnergyKwh: string;
  declaredUnitsPerBattery: string;
  stages: { stage: EuLifecycleStage; inventoryStages: LifeCycleStage[]; absolute: string; perKwh: string; share: string }[];
  /** Every inventory stage with its Annex II stage (null = excluded) and its emissions per battery. */
  mapping: { inventoryStage: LifeCycleStage; stage: EuLifecycleStage | null; absolute: string | null }[];
};

export type DeclarationOutcome = { ok: true; figures: DeclarationFigures } | { ok: false; refusals: DeclarationRefusal[] };

/**
 * The declaration's figures, or every reason it would be false: a product outside Article 7,
 * an industrial battery of 2 kWh or less, a footprint whose declared unit cannot be put per
 * battery, a stage of Annex II the inventory has no data for, no public study to link to.
 */
export function declareBatteryFootprint(
  categoryId: string,
  input: BatteryDeclarationInput,
  footprint: DeclarationFootprint,
  studyUrl: string | null,
): DeclarationOutcome {
  const refusals: DeclarationRefusal[] = [];
  if (!isArticle7Category(categoryId)) refusals.push({ reason: "notBatteryCategory" });
  if (input.batteryCategory === "industrial" && !new Decimal(input.ratedEnergy).greaterThan(INDUSTRIAL_MINIMUM_KWH)) {
    refusals.push({ reason: "industrialTooSmall" });
  }
  const perBattery = declaredUnitsPerBattery(footprint.declaredUnitAmount, footprint.declaredUnit, input.ratedEnergy);
  if (!perBattery) refusals.push({ reason: "unitNotConvertible", declaredUnit: footprint.declaredUnit });
  const missing = EU_LIFECYCLE_STAGES.filter((stage) =>
    LIFE_CYCLE_STAGES.every((inventoryStage) => STAGE_MAPPING[inventoryStage] !== stage || !footprint.lineCounts[inventoryStage]),
  );
  if (missing.length) refusals.push({ reason: "missingStages", stages: missing });
  if (!studyUrl) refusals.push({ reason: "noStudyLink" });
  if (refusals.length || !perBattery) return { ok: false, refusals };

  const totalEnergy = totalEnergyOverServiceLife(input.ratedEnergy, input.serviceLife);
  const stageAbsolute = (stage: LifeCycleStage) => {
    const value = footprint.byStage[stage];
    return value === undefined ? null : new Decimal(value).times(perBattery);
  };
  const stages = EU_LIFECYCLE_STAGES.map((stage) => {
    const inventoryStages = LIFE_CYCLE_STAGES.filter((inventoryStage) => STAGE_MAPPING[inventoryStage] === stage);
    const absolute = inventoryStages.reduce((sum, inventoryStage) => sum.plus(stageAbsolute(inventoryStage) ?? 0), new Decimal(0));
    return { stage, inventoryStages, absolute };
  });
  const absolute = stages.reduce((sum, stage) => sum.plus(stage.absolute), new Decimal(0));
  return {
    ok: true,
    figures: {
      perKwh: absolute.dividedBy(totalEnergy).toString(),
      absolute: absolute.toString(),
      totalEnergyKwh: totalEnergy.toString(),
      declaredUnitsPerBattery: perBattery.toString(),
      stages: stages.map((stage) => ({
        stage: stage.stage,
        inventoryStages: stage.inventoryStages,
        absolute: stage.absolute.toString(),
        perKwh: stage.absolute.dividedBy(totalEnergy).toString(),
        share: absolute.isZero() ? "0" : stage.absolute.dividedBy(absolute).toString(),
      })),
      mapping: LIFE_CYCLE_STAGES.map((inventoryStage) => ({
        inventoryStage,
        stage: STAGE_MAPPING[inventoryStage],
        absolute: stageAbsolute(inventoryStage)?.toString() ?? null,
      })),
    },
  };
}

/** JSON numbers (xsd:double in the data model) at twelve significant digits: well past any meaningful one. */
function jsonNumber(value: string | Decimal): number {
  return Number(new Decimal(value).toSignificantDigits(12).toString());
}

type DeclarationDocumentSource = {
  input: BatteryDeclarationInput;
  figures: DeclarationFigures;
  studyUrl: string;
  declaredOn: string;
  manufacturer: BatteryDeclarationDocument["declaration"]["manufacturer"];
  product: BatteryDeclarationDocument["declaration"]["product"];
  /** kg CO2e per declared unit, and the declared unit as text ("1 kWh"). */
  footprint: { perDeclaredUnit: string; declaredUnit: string };
  verification: BatteryDeclarationDocument["declaration"]["verification"];
  performanceClassReason: string;
};

/** The declaration document: the Battery Pass v1.2 carbon footprint aspect and the declaration around it. */
export function buildBatteryDeclarationDocument(source: DeclarationDocumentSource): BatteryDeclarationDocument {
  const { input, figures } = source;
  const serviceLife = input.serviceLife;
  return {
    aspectModel: BATTERY_PASS_CARBON_FOOTPRINT_ASPECT,
    carbonFootprint: {
      batteryCarbonFootprint: jsonNumber(figures.perKwh),
      carbonFootprintPerLifecycleStage: figures.stages.map((stage) => ({ lifecycleStage: stage.stage, carbonFootprint: jsonNumber(stage.perKwh) })),
      carbonFootprintPerformanceClass: "",
      carbonFootprintStudy: source.studyUrl,
      absoluteCarbonFootprint: jsonNumber(figures.absolute),
    },
    declaration: {
      regulation: "Regulation (EU) 2023/1542, Article 7 and Annex II",
      declaredOn: source.declaredOn,
      functionalUnit: "1 kWh of the total energy provided by the battery over its expected service life",
      manufacturer: source.manufacturer,
      product: source.product,
      batteryModel: input.batteryModel,
      batteryCategory: input.batteryCategory,
      manufacturingPlant: {
        name: input.plantName,
        address: input.plantAddress,
        latitude: jsonNumber(input.plantLatitude),
        longitude: jsonNumber(input.plantLongitude),
      },
      ratedEnergyKwh: jsonNumber(input.ratedEnergy),
      expectedServiceLife: {
        basis: serviceLife.basis,
        fullEquivalentCycles: serviceLife.basis === "cycles" ? serviceLife.cycles : null,
        years: serviceLife.basis === "years" ? jsonNumber(serviceLife.years) : null,
        annualEnergyThroughputKwh: serviceLife.basis === "years" ? jsonNumber(serviceLife.annualEnergyThroughput) : null,
        totalEnergyKwh: jsonNumber(figures.totalEnergyKwh),
      },
      euDeclarationOfConformityId: input.declarationOfConformityId,
      sourceFootprint: {
        perDeclaredUnit: jsonNumber(source.footprint.perDeclaredUnit),
        declaredUnit: source.footprint.declaredUnit,
        declaredUnitsPerBattery: jsonNumber(figures.declaredUnitsPerBattery),
      },
      lifecycleStageMapping: figures.mapping.map((entry) => ({
        inventoryStage: entry.inventoryStage,
        lifecycleStage: entry.stage,
        absoluteCarbonFootprint: entry.absolute === null ? null : jsonNumber(entry.absolute),
      })),
      stageShares: Object.fromEntries(figures.stages.map((stage) => [stage.stage, jsonNumber(stage.share)])) as Record<EuLifecycleStage, number>,
      carbonFootprintPerformanceClassReason: source.performanceClassReason,
      verification: source.verification,
    },
  };
}
