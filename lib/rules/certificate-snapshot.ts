import type { StudyReportFactor } from "@/lib/certificates/study-report-data";
import type { InventorySnapshot } from "@/lib/rules/inventory-snapshot";

type Person = { id: string; name: string };

/**
 * What a certificate freezes at issuance and digests: later changes to factors, benchmarks,
 * the product or the organizations never change it. Labels and PDFs are rendered from it.
 */
export type CertificateSnapshot = {
  number: string;
  issuedOn: string;
  expiresOn: string;
  category: { id: string; nameZh: string; nameEn: string };
  enterprise: { id: string; name: string; nameEn: string | null; creditCode: string | null };
  verificationBody: { id: string; name: string; nameEn: string | null; accreditationNo: string | null };
  leadVerifier: Person;
  reviewer: Person;
  statement: string;
  /** The verified submission: its product, inventory lines with factor versions, GWP values and calculation. */
  submission: { id: string; round: number; snapshotSha256: string };
  inventory: InventorySnapshot;
  /** kg CO2e per declared unit, full precision. */
  value: string;
  benchmark: {
    id: string;
    version: number;
    value: string;
    declaredUnit: string;
    effectiveFrom: string;
    source: string;
    thresholds: number[];
  } | null;
  grade: number | null;
  ratio: string | null;
  /**
   * The CFP study report frozen at issuance: the citation details of the database factors (the
   * only inputs the rest of the snapshot lacks) and the digest of the PDF stored beside the
   * certificate. Absent on certificates issued before study reports existed.
   */
  studyReport?: { factors: StudyReportFactor[]; sha256: string; sizeBytes: number };
};
