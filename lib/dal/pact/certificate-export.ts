import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { certificateCredentials, certificates } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isCertificateNumberFormat, normalizeCertificateNumber } from "@/lib/certificates/number";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { buildProductFootprint, type ProductFootprint } from "@/lib/pact/footprint";
import { assertCan, assertDecision, can, decideOnCertificate } from "@/lib/policy";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { newestFootprintOfCertificate } from "./footprints";

type PactExport = { number: string; footprint: ProductFootprint };

/**
 * A certified footprint as a PACT v3 ProductFootprint file, for the certificate's holder and the
 * body that issued it: the very document GetFootprint serves (its newest version, with the status
 * it is served with), which carries the signed credential in its extension. A certificate PACT
 * cannot describe, or not yet signed or published, is refused with the reason; anyone else's
 * certificate is "not found".
 */
export async function getCertificatePactExport(user: CurrentUser, rawNumber: string): Promise<PactExport> {
  assertCan(user, "certificate.exportPact");
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) throw new NotFoundError("certificates.errors.notFound");
  const [row] = await db
    .select({ certificate: certificates, jws: certificateCredentials.jws })
    .from(certificates)
    .leftJoin(certificateCredentials, eq(certificateCredentials.certificateId, certificates.id))
    .where(eq(certificates.number, number))
    .limit(1);
  if (!row) throw new NotFoundError("certificates.errors.notFound");
  const { certificate, jws } = row;
  const status = effectiveStatus(certificate.status, certificate.expiresOn, todayInShanghai());
  assertDecision(decideOnCertificate(user, "certificate.exportPact", { ...certificate, status }));

  const footprint = await newestFootprintOfCertificate(certificate.id);
  if (footprint) return { number: certificate.number, footprint };
  if (!jws) throw new ConflictError("pact.footprints.gaps.unsigned");
  // The build the publication ran names what PACT asks for that the certificate lacks.
  const built = buildProductFootprint({
    id: crypto.randomUUID(),
    precedingPfIds: [],
    certificate: { ...certificate, snapshot: certificate.snapshot as CertificateSnapshot },
    credentialJws: jws,
    createdAt: new Date(),
    baseUrl: platformBaseUrl(),
  });
  throw new ConflictError(`pact.footprints.gaps.${built.ok ? "pending" : built.gap}`);
}

/** The certificate of a certified application whose PACT file the user may download, or null. */
export async function pactExportOfApplication(user: CurrentUser, applicationId: string): Promise<{ number: string } | null> {
  if (!can(user, "certificate.exportPact")) return null;
  const [certificate] = await db.select().from(certificates).where(eq(certificates.applicationId, applicationId)).limit(1);
  if (!certificate) return null;
  const status = effectiveStatus(certificate.status, certificate.expiresOn, todayInShanghai());
  return decideOnCertificate(user, "certificate.exportPact", { ...certificate, status }).allowed ? { number: certificate.number } : null;
}
