import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/db";
import { certificateStudyReports } from "@/db/schema";
import { bilingualReportStrings } from "@/lib/certificates/bilingual-strings";
import type { StudyReportFactor } from "@/lib/certificates/study-report-data";
import { renderStudyReportPdf } from "@/lib/certificates/study-report-pdf";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { publicLabelUrl } from "@/lib/rules/artifact-data";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { certificateStudyReportData } from "@/lib/rules/study-report";

type FrozenStudyReport = { pdf: Uint8Array; summary: NonNullable<CertificateSnapshot["studyReport"]> };

/**
 * Renders the study report a certificate is issued with, from the snapshot being issued (its
 * number, people, statement and inventory) and the factors' citation details. The digest goes
 * into the snapshot, so the certificate's own digest and signed credential cover the report.
 */
export async function renderIssuedStudyReport(snapshot: CertificateSnapshot, factors: StudyReportFactor[]): Promise<FrozenStudyReport> {
  const data = certificateStudyReportData(snapshot, factors, publicLabelUrl(platformBaseUrl(), snapshot.number));
  const pdf = await renderStudyReportPdf(data, bilingualReportStrings());
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  return { pdf, summary: { factors, sha256, sizeBytes: pdf.byteLength } };
}

/** Keeps the rendered bytes beside the certificate, in the issuing transaction. */
export async function storeIssuedStudyReport(tx: Tx, certificateId: string, report: FrozenStudyReport): Promise<void> {
  await tx.insert(certificateStudyReports).values({
    certificateId,
    sha256: report.summary.sha256,
    sizeBytes: report.summary.sizeBytes,
    pdf: report.pdf,
  });
}
