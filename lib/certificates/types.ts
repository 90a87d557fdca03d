import type { CertificateStatus, LifeCycleStage } from "@/db/schema";

/** Everything a label image or certificate PDF shows, taken from the certificate's snapshot. */
export type CertificateArtifactData = {
  number: string;
  productNameZh: string;
  productNameEn: string;
  model: string;
  enterpriseName: string;
  /** English name for the English label; null where the enterprise has none (the Chinese is shown). */
  enterpriseNameEn: string | null;
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
  /** Levels of the grade scale (the benchmark's thresholds + 1); null without a benchmark. */
  gradeLevels: number | null;
  verificationBodyName: string;
  verificationBodyNameEn: string | null;
  verificationBodyAccreditationNo: string | null;
  leadVerifierName: string;
  reviewerName: string;
  statement: string;
  /** Date-only strings, YYYY-MM-DD. */
  issuedOn: string;
  expiresOn: string;
  status: CertificateStatus;
  snapshotSha256: string;
  /** SHA-256 (hex) of the signed credential's compact JWS; null before it is signed. */
  credentialSha256: string | null;
  /** Public verification page, `${baseUrl}/labels/${number}`. */
  publicUrl: string;
};

