/**
 * Builds what the CFP study report shows from what a calculation, a submission or a certificate
 * froze: the inventory snapshot (lines, factor versions, GWP values, calculation) plus the
 * citation details of the database factors. Pure, so a certificate's report is rebuilt from its
 * snapshot alone.
 */
import { allowedStages, type CalculationInput } from "@/lib/calc/calculate";
import { hotspotSensitivity } from "@/lib/calc/sensitivity";
import type {
  StudyReportBasis,
  StudyReportData,
  StudyReportFactor,
  StudyReportLine,
  StudyReportVerification,
} from "@/lib/certificates/study-report-data";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import type { CertificateSnapshot } from "./certificate-snapshot";
import type { InventorySnapshot } from "./inventory-snapshot";

type StudyReportSource = {
  inventory: InventorySnapshot;
  category: { nameZh: string; nameEn: string };
  enterprise: { name: string; nameEn: string | null; creditCode: string | null };
  /** Citation details of every database factor the inventory uses (rows are never edited: versions are). */
  factors: readonly StudyReportFactor[];
  basis: StudyReportBasis;
  reportDate: string;
  verification: StudyReportVerification | null;
};

/** The engine's input, rebuilt from a snapshot: the sensitivity cases recalculate it. */
export function calculationInputOf(inventory: InventorySnapshot): CalculationInput {
  return {
    boundary: inventory.product.systemBoundary,
    productionVolume: inventory.product.productionVolume,
    gwpSet: "AR6",
    gwp: inventory.gwp.values,
    lines: inventory.lines,
  };
}

export function buildStudyReportData(source: StudyReportSource): StudyReportData {
  const { inventory } = source;
  const { product, calculation } = inventory;
  const factorsById = new Map(source.factors.map((factor) => [factor.id, factor]));
  const resultsById = new Map(calculation.lines.map((line) => [line.lineId, line]));
  const boundary = new Set(allowedStages(product.systemBoundary));

  // The report numbers lines in the order the data-collection section lists them.
  const ordered = [...inventory.lines].sort(
    (a, b) => LIFE_CYCLE_STAGES.indexOf(a.stage) - LIFE_CYCLE_STAGES.indexOf(b.stage) || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const lines: StudyReportLine[] = ordered.map((line, index) => {
    const result = resultsById.get(line.id);
    if (!result) throw new Error(`line ${line.id} has no calculated result`);
    const factor = line.factor ? factorsById.get(line.factor.id) : undefined;
    if (line.factor && !factor) throw new Error(`factor ${line.factor.id} has no citation details`);
    return {
      index: index + 1,
      id: line.id,
      stage: line.stage,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      source: line.source,
      dataType: line.dataType,
      dqr: line.dqr,
      allocationShare: line.allocationShare,
      factor: factor ?? null,
      supplierFactor: line.supplierFactor,
      gas: line.gas ? { name: line.gas, gwp: inventory.gwp.values[line.gas]?.value ?? "—" } : null,
      emissions: result.emissions,
      share: result.share,
    };
  });
  const lineById = new Map(lines.map((line) => [line.id, line]));
  const describe = (lineId: string) => {
    const line = lineById.get(lineId);
    if (!line) throw new Error(`line ${lineId} is not in the inventory`);
    return line;
  };

  const usedFactorIds = new Set(calculation.factorsUsed.map((factor) => factor.factorId));
  return {
    reportDate: source.reportDate,
    basis: source.basis,
    enterprise: source.enterprise,
    product: {
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      model: product.model,
      hsCode: product.hsCode,
      categoryNameZh: source.category.nameZh,
      categoryNameEn: source.category.nameEn,
      declaredUnitAmount: product.declaredUnitAmount,
      declaredUnit: product.declaredUnit,
      systemBoundary: product.systemBoundary,
      periodStart: product.periodStart,
      periodEnd: product.periodEnd,
      productionVolume: product.productionVolume,
      site: product.site,
      exportMarkets: product.exportMarkets,
    },
    stages: LIFE_CYCLE_STAGES.map((stage) => ({
      stage,
      inBoundary: boundary.has(stage),
      lineCount: lines.filter((line) => line.stage === stage).length,
      emissions: calculation.byStage[stage] ?? null,
    })),
    lines,
    factors: source.factors.filter((factor) => usedFactorIds.has(factor.id)),
    gwp: {
      set: inventory.gwp.set,
      gases: Object.entries(inventory.gwp.values)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([gas, entry]) => ({ gas, value: entry.value, emissionCategory: entry.emissionCategory })),
    },
    result: {
      value: calculation.result,
      totalPeriod: calculation.totalPeriod,
      byCategory: calculation.byCategory,
      biogenicRemovals: calculation.biogenicRemovals,
      primaryShare: calculation.primaryShare,
      dataQuality: calculation.dataQuality,
    },
    hotspots: calculation.hotspots.map((hotspot) => ({
      lineIndex: describe(hotspot.lineId).index,
      description: describe(hotspot.lineId).description,
      stage: hotspot.stage,
      emissions: hotspot.emissions,
      share: hotspot.share,
    })),
    sensitivity: hotspotSensitivity(calculationInputOf(inventory), calculation).map((item) => ({
      lineIndex: describe(item.lineId).index,
      description: describe(item.lineId).description,
      variation: item.variation,
      result: item.result,
      change: item.change,
    })),
    verification: source.verification,
  };
}

/** The verification section of a certificate's report, from its snapshot. */
function certificateVerification(snapshot: CertificateSnapshot, publicUrl: string): StudyReportVerification {
  return {
    bodyName: snapshot.verificationBody.name,
    bodyNameEn: snapshot.verificationBody.nameEn,
    accreditationNo: snapshot.verificationBody.accreditationNo,
    leadVerifier: snapshot.leadVerifier.name,
    reviewer: snapshot.reviewer.name,
    statement: snapshot.statement,
    certificateNumber: snapshot.number,
    issuedOn: snapshot.issuedOn,
    expiresOn: snapshot.expiresOn,
    publicUrl,
  };
}

/** The report a certificate freezes: its snapshot's inventory, factors and verification, dated by the issue date. */
export function certificateStudyReportData(
  snapshot: CertificateSnapshot,
  factors: readonly StudyReportFactor[],
  publicUrl: string,
): StudyReportData {
  return buildStudyReportData({
    inventory: snapshot.inventory,
    category: snapshot.category,
    enterprise: snapshot.enterprise,
    factors,
    basis: { kind: "certificate", number: snapshot.number },
    reportDate: snapshot.issuedOn,
    verification: certificateVerification(snapshot, publicUrl),
  });
}
