import "server-only";
import type { DbOrTx } from "@/db";
import { certificateStageEmissions, type Certificate, type LifeCycleStage } from "@/db/schema";

/**
 * Writes a new certificate's per-stage emissions (kg CO2e per declared unit) in
 * the issuing transaction, so the regulator's per-category stage medians read a narrow
 * indexed table instead of reading certificate snapshots.
 */
export async function recordCertificateStageEmissions(
  tx: DbOrTx,
  certificate: Pick<Certificate, "id" | "region" | "categoryId" | "district" | "issuedOn">,
  byStage: Partial<Record<LifeCycleStage, string>>,
): Promise<void> {
  const rows = Object.entries(byStage).map(([stage, value]) => ({
    certificateId: certificate.id,
    stage: stage as LifeCycleStage,
    value: value ?? "0",
    region: certificate.region,
    categoryId: certificate.categoryId,
    district: certificate.district,
    issuedOn: certificate.issuedOn,
  }));
  if (rows.length > 0) await tx.insert(certificateStageEmissions).values(rows);
}
