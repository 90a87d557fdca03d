import "server-only";
import { asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificateCredentials, certificates, productFootprints } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { ForbiddenError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/policy";
import { deprecateFootprints, publishCertificateFootprint } from "./publish-footprint";

/**
 * Start-up backfill: signed certificates issued before the PACT host existed are published as
 * footprints, oldest first (so a renewal names the footprint of the certificate it renews), each
 * audited; one no longer valid is published Deprecated. Runs after the credential backfill.
 */
export async function issueMissingFootprints(tx: Tx, actor: Actor | null) {
  assertCan(actor, "footprint.issueMissing");
  // The table grants it to the platform alone; this narrows the actor to the job it names.
  if (actor.role !== "system") throw new ForbiddenError();
  const unpublished = await tx
    .selectDistinctOn([certificates.issuedOn, certificates.number, certificates.id], { certificate: certificates })
    .from(certificates)
    .innerJoin(certificateCredentials, eq(certificateCredentials.certificateId, certificates.id))
    .leftJoin(productFootprints, eq(productFootprints.certificateId, certificates.id))
    .where(isNull(productFootprints.id))
    .orderBy(asc(certificates.issuedOn), asc(certificates.number), asc(certificates.id));

  const today = todayInShanghai();
  let published = 0;
  for (const { certificate } of unpublished) {
    const outcome = await publishCertificateFootprint(tx, certificate);
    if (!outcome.ok) continue;
    published++;
    const status = effectiveStatus(certificate.status, certificate.expiresOn, today);
    if (status === "suspended" || status === "withdrawn" || status === "expired") await deprecateFootprints(tx, certificate.id, status);
    await recordAuditEvent(tx, null, {
      action: "footprint.publish",
      entityType: "product_footprint",
      entityId: outcome.footprint.id,
      subjectOrganizationId: certificate.organizationId,
      region: certificate.region,
      productId: certificate.productId,
      applicationId: certificate.applicationId,
      certificateId: certificate.id,
      data: { number: certificate.number, job: actor.job },
    });
  }
  return { published };
}
