import type { BatteryCategory, LifeCycleStage, ServiceLifeBasis } from "@/lib/enums";

/** The Battery Pass data model's aspect this document carries (batterypass/BatteryPassDataModel, CC-BY-4.0). */
export const BATTERY_PASS_CARBON_FOOTPRINT_ASPECT = "urn:samm:io.BatteryPass.CarbonFootprint:1.2.0#CarbonFootprintForBatteries";

export type BatteryPassLifecycleStage = "RawMaterialExtraction" | "MainProduction" | "Distribution" | "Recycling";

/** `io.BatteryPass.CarbonFootprint` 1.2.0 `CarbonFootprintForBatteries`: kg CO2e per kWh of total energy, and kg per battery. */
type BatteryPassCarbonFootprint = {
  batteryCarbonFootprint: number;
  carbonFootprintPerLifecycleStage: { lifecycleStage: BatteryPassLifecycleStage; carbonFootprint: number }[];
  /** Empty until the Commission sets the performance classes (Article 7(2)). */
  carbonFootprintPerformanceClass: string;
  carbonFootprintStudy: string;
  absoluteCarbonFootprint: number;
};

/**
 * The EU battery carbon footprint declaration as one JSON document: the Battery Pass aspect,
 * and what the declaration states around it. The declaration PDF is drawn from this document
 * alone, so the two never disagree.
 */
export type BatteryDeclarationDocument = {
  aspectModel: typeof BATTERY_PASS_CARBON_FOOTPRINT_ASPECT;
  carbonFootprint: BatteryPassCarbonFootprint;
  declaration: {
    regulation: string;
    /** Date-only, YYYY-MM-DD. */
    declaredOn: string;
    functionalUnit: string;
    manufacturer: { name: string; nameEn: string | null; creditCode: string | null };
    product: { nameZh: string; nameEn: string; model: string };
    batteryModel: string;
    batteryCategory: BatteryCategory;
    manufacturingPlant: { name: string; address: string; latitude: number; longitude: number };
    ratedEnergyKwh: number;
    expectedServiceLife: {
      basis: ServiceLifeBasis;
      fullEquivalentCycles: number | null;
      years: number | null;
      annualEnergyThroughputKwh: number | null;
      totalEnergyKwh: number;
    };
    euDeclarationOfConformityId: string;
    /** The footprint the declaration converts: per the product's declared unit, and how many declared units one battery is. */
    sourceFootprint: { perDeclaredUnit: number; declaredUnit: string; declaredUnitsPerBattery: number };
    lifecycleStageMapping: { inventoryStage: LifeCycleStage; lifecycleStage: BatteryPassLifecycleStage | null; absoluteCarbonFootprint: number | null }[];
    /** Share of each Annex II stage in the absolute footprint, in [0, 1]. */
    stageShares: Record<BatteryPassLifecycleStage, number>;
    carbonFootprintPerformanceClassReason: string;
    verification: { certificateNumber: string; verificationBody: string; issuedOn: string } | null;
  };
};
