import type { Certificate } from "@/db/schema";
import type { CertificateArtifactData } from "@/lib/certificates/types";
import type { CertificateSnapshot } from "./certificate-snapshot";

type ArtifactSource = Pick<Certificate, "number" | "snapshot" | "snapshotSha256"> & { credentialSha256?: string | null };

/** The public verification page of a certificate number: the QR code's target. */
export function publicLabelUrl(baseUrl: string, number: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/labels/${encodeURIComponent(number)}`;
}

/**
 * What a label or certificate PDF shows, read only from the frozen snapshot, so a document
 * downloaded years later shows exactly what was certified. The status printed is the status at
 * issue; the live status is on the public page the QR code opens.
 */
export function artifactDataFor(certificate: ArtifactSource, baseUrl: string): CertificateArtifactData {
  const snapshot = certificate.snapshot as CertificateSnapshot;
  const { product, calculation } = snapshot.inventory;
  return {
    number: certificate.number,
    productNameZh: product.nameZh,
    productNameEn: product.nameEn,
    model: product.model,
    enterpriseName: snapshot.enterprise.name,
    enterpriseNameEn: snapshot.enterprise.nameEn,
    categoryNameZh: snapshot.category.nameZh,
    categoryNameEn: snapshot.category.nameEn,
    declaredUnitAmount: product.declaredUnitAmount,
    declaredUnit: product.declaredUnit,
    systemBoundary: product.systemBoundary,
    value: snapshot.value,
    byStage: calculation.byStage,
    grade: snapshot.grade,
    benchmarkVersion: snapshot.benchmark?.version ?? null,
    gradeLevels: snapshot.benchmark ? snapshot.benchmark.thresholds.length + 1 : null,
    verificationBodyName: snapshot.verificationBody.name,
    verificationBodyNameEn: snapshot.verificationBody.nameEn,
    verificationBodyAccreditationNo: snapshot.verificationBody.accreditationNo,
    leadVerifierName: snapshot.leadVerifier.name,
    reviewerName: snapshot.reviewer.name,
    statement: snapshot.statement,
    issuedOn: snapshot.issuedOn,
    expiresOn: snapshot.expiresOn,
    status: "valid",
    snapshotSha256: certificate.snapshotSha256,
    credentialSha256: certificate.credentialSha256 ?? null,
    publicUrl: publicLabelUrl(baseUrl, certificate.number),
  };
}
