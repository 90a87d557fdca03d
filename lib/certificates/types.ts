import type { CertificateStatus, LifeCycleStage } from "@/db/schema";

/** Everything a label image or certificate PDF shows, taken from the certificate's snapshot. */
export type CertificateArtifactData = {
  number: string;
  productNameZh: string;
  productNameEn: string;
  model: string;
  enterpriseName: string;
  categoryNameZh: string;
  categoryNameEn: string;
  /** Decimal string, e.g. "1" for "1 piece". */
  declaredUnitAmount: string;
  declaredUnit: string;
  systemBoundary: "cradle_to_gate" | "cradle_to_grave";
  /** kg CO2e per declared unit, full precision decimal string. */
  value: string;
  /** kg CO2e per declared unit by life-cycle stage; stages outside the boundary are absent. */
  byStage: Partial<Record<LifeCycleStage, string>>;
  /** Null when the category had no benchmark. */
  grade: number | null;
  benchmarkVersion: number | null;
  verificationBodyName: string;
  leadVerifierName: string;
  reviewerName: string;
  statement: string;
  /** Date-only strings, YYYY-MM-DD. */
  issuedOn: string;
  expiresOn: string;
  status: CertificateStatus;
  snapshotSha256: string;
  /** Public verification page, `${baseUrl}/labels/${number}`. */
  publicUrl: string;
};

export const LIFE_CYCLE_STAGES: readonly LifeCycleStage[] = [
  "raw_material",
  "production",
  "distribution",
  "use",
  "end_of_life",
];
