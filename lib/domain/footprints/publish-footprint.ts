import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificateCredentials, productFootprints, type Certificate, type ProductFootprintRow } from "@/db/schema";
import type { CertificateStatus, FootprintDeprecationReason } from "@/lib/enums";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { buildProductFootprint, type FootprintGap, type ProductFootprint } from "@/lib/pact/footprint";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";

type PublishedFootprint = { ok: true; footprint: ProductFootprintRow } | { ok: false; gap: FootprintGap };

/** Every earlier version of a footprint chain: the footprints' own ids and what they superseded, oldest first. */
function precedingIdsOf(rows: ProductFootprintRow[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    for (const id of [...((row.document as ProductFootprint).precedingPfIds ?? []), row.id]) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

async function footprintsOf(tx: Tx, certificateId: string): Promise<ProductFootprintRow[]> {
  return tx.select().from(productFootprints).where(eq(productFootprints.certificateId, certificateId)).orderBy(asc(productFootprints.createdAt));
}

/** Marks the certificate's footprints still in use Deprecated (once: a Deprecated footprint never changes again). */
export async function deprecateFootprints(tx: Tx, certificateId: string, reason: FootprintDeprecationReason, at = new Date()): Promise<void> {
  await tx
    .update(productFootprints)
    .set({ deprecatedAt: at, deprecationReason: reason })
    .where(and(eq(productFootprints.certificateId, certificateId), isNull(productFootprints.deprecatedAt)));
}

/**
 * Publishes a certificate as a new PACT ProductFootprint, inside the caller's transaction (the
 * approval's, a reinstatement's or the start-up backfill's), from its frozen snapshot and signed
 * credential. Its predecessors — the certificate's own earlier footprints, or those of the
 * certificate it renews — are named in `precedingPfIds` and deprecated. A certificate PACT cannot
 * describe (no PACT unit, an undeclared product mass or carbon content…) is left unpublished and
 * the gap is returned.
 */
export async function publishCertificateFootprint(tx: Tx, certificate: Certificate, at = new Date()): Promise<PublishedFootprint> {
  const [credential] = await tx
    .select({ jws: certificateCredentials.jws })
    .from(certificateCredentials)
    .where(eq(certificateCredentials.certificateId, certificate.id));
  if (!credential) throw new Error(`certificate ${certificate.id} has no signed credential to publish with its footprint`);

  const own = await footprintsOf(tx, certificate.id);
  const renewed = own.length === 0 && certificate.previousCertificateId ? await footprintsOf(tx, certificate.previousCertificateId) : [];
  const built = buildProductFootprint({
    id: crypto.randomUUID(),
    precedingPfIds: precedingIdsOf(own.length > 0 ? own : renewed),
    certificate: {
      number: certificate.number,
      issuedOn: certificate.issuedOn,
      expiresOn: certificate.expiresOn,
      region: certificate.region,
      verificationBodyId: certificate.verificationBodyId,
      createdAt: certificate.createdAt,
      snapshot: certificate.snapshot as CertificateSnapshot,
    },
    credentialJws: credential.jws,
    createdAt: at,
    baseUrl: platformBaseUrl(),
  });
  if (!built.ok) return built;

  if (own.length > 0) await deprecateFootprints(tx, certificate.id, "reissued", at);
  else if (certificate.previousCertificateId) await deprecateFootprints(tx, certificate.previousCertificateId, "recertified", at);
  const [row] = await tx
    .insert(productFootprints)
    .values({
      id: built.footprint.id,
      certificateId: certificate.id,
      organizationId: certificate.organizationId,
      document: built.footprint,
      ...built.index,
      createdAt: at,
    })
    .returning();
  return { ok: true, footprint: row };
}

const DEPRECATING_STATUS: Partial<Record<CertificateStatus, FootprintDeprecationReason>> = {
  suspended: "suspended",
  withdrawn: "withdrawn",
  expired: "expired",
};

/**
 * Keeps the certificate's footprint in step with a status change: suspension, withdrawal and
 * expiry deprecate it; a reinstated certificate is published afresh (PACT: a Deprecated
 * footprint never becomes Active again, so the valid certificate gets a new id naming the old).
 */
export async function footprintFollowsStatus(tx: Tx, certificate: Certificate, previous: CertificateStatus): Promise<void> {
  const reason = DEPRECATING_STATUS[certificate.status];
  if (reason) {
    await deprecateFootprints(tx, certificate.id, reason);
    return;
  }
  if (certificate.status !== "valid" || previous === "valid") return;
  const own = await footprintsOf(tx, certificate.id);
  // Only a certificate that was published comes back: one PACT could not describe stays unpublished.
  if (own.length > 0) await publishCertificateFootprint(tx, certificate);
}
