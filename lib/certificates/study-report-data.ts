import type { DataType, EmissionCategory, LifeCycleStage, LineSource, SystemBoundary } from "@/lib/enums";

/** A database emission factor as the study report cites it: which database, region, year and version. */
export type StudyReportFactor = {
  id: string;
  factorKey: string;
  version: number;
  nameZh: string;
  nameEn: string;
  /** kg CO2e per one `unit`. */
  value: string;
  unit: string;
  /** The database or publication the factor comes from. */
  source: string;
  region: string;
  year: number;
  gwpBasis: string;
};

export type StudyReportLine = {
  /** 1-based position in the report (stage order, then inventory order). */
  index: number;
  id: string;
  stage: LifeCycleStage;
  description: string;
  quantity: string;
  unit: string;
  source: LineSource;
  dataType: DataType;
  dqr: { technological: number; geographical: number; temporal: number };
  allocationShare: string;
  factor: StudyReportFactor | null;
  supplierFactor: { value: string; unit: string; supplierName: string | null } | null;
  gas: { name: string; gwp: string } | null;
  /** kg CO2e per declared unit, and the share of the headline result. */
  emissions: string;
  share: string;
};

/** What the report rests on: the enterprise's own calculation, a submitted round, or a certificate. */
export type StudyReportBasis =
  | { kind: "calculation"; calculatedOn: string }
  | { kind: "submission"; round: number; submittedOn: string }
  | { kind: "certificate"; number: string };

export type StudyReportVerification = {
  bodyName: string;
  bodyNameEn: string | null;
  accreditationNo: string | null;
  leadVerifier: string;
  reviewer: string;
  statement: string;
  certificateNumber: string;
  issuedOn: string;
  expiresOn: string;
  publicUrl: string;
};

/** Everything the bilingual CFP study report shows, in the order GB/T 24067-2024 reports it. */
export type StudyReportData = {
  /** Date-only, YYYY-MM-DD: the report's date (the issue date once certified). */
  reportDate: string;
  basis: StudyReportBasis;
  enterprise: { name: string; nameEn: string | null; creditCode: string | null };
  product: {
    nameZh: string;
    nameEn: string;
    model: string;
    hsCode: string;
    categoryNameZh: string;
    categoryNameEn: string;
    declaredUnitAmount: string;
    declaredUnit: string;
    systemBoundary: SystemBoundary;
    periodStart: string;
    periodEnd: string;
    productionVolume: string;
    site: string;
    exportMarkets: string[];
  };
  /** Every life-cycle stage: inside the boundary or not, its lines and its emissions per declared unit. */
  stages: { stage: LifeCycleStage; inBoundary: boolean; lineCount: number; emissions: string | null }[];
  lines: StudyReportLine[];
  factors: StudyReportFactor[];
  gwp: { set: string; gases: { gas: string; value: string; emissionCategory: EmissionCategory }[] };
  result: {
    /** kg CO2e per declared unit, full precision. */
    value: string;
    totalPeriod: string;
    byCategory: Record<EmissionCategory, string>;
    biogenicRemovals: string;
    primaryShare: string;
    dataQuality: string;
  };
  hotspots: { lineIndex: number; description: string; stage: LifeCycleStage; emissions: string; share: string }[];
  sensitivity: { lineIndex: number; description: string; variation: string; result: string; change: string }[];
  verification: StudyReportVerification | null;
};
