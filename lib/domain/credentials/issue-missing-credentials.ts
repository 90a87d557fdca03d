import "server-only";
import { asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificateCredentials, certificates } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ForbiddenError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/policy";
import { activeSigningKey } from "./signing-keys";
import { signCertificateCredential } from "./sign-certificate-credential";
import { publishStatusLists } from "./status-lists";

/**
 * Start-up backfill: certificates issued before credentials existed get theirs, signed by the
 * platform with their body's key, each audited. Only certificates whose snapshot names the
 * verified submission are signed: a credential states what that verification certified (its
 * inventory's digest), so a row without one (the benchmark's synthetic data) has nothing to sign.
 */
export async function issueMissingCredentials(tx: Tx, actor: Actor | null) {
  assertCan(actor, "credential.issueMissing");
  // The table grants it to the platform alone; this narrows the actor to the job it names.
  if (actor.role !== "system") throw new ForbiddenError();
  const unsigned = await tx
    .select({ certificate: certificates })
    .from(certificates)
    .leftJoin(certificateCredentials, eq(certificateCredentials.certificateId, certificates.id))
    .where(sql`${isNull(certificateCredentials.certificateId)} and ${certificates.snapshot} ? 'submission'`)
    .orderBy(asc(certificates.issuedOn), asc(certificates.number));

  const bodiesWithStatus = new Set<string>();
  for (const { certificate } of unsigned) {
    const key = await activeSigningKey(tx, certificate.verificationBodyId);
    // Audited before signing: the audit chain's lock is then always taken before a status list's.
    await recordAuditEvent(tx, null, {
      action: "certificate.signCredential",
      entityType: "certificate",
      entityId: certificate.id,
      subjectOrganizationId: certificate.organizationId,
      region: certificate.region,
      productId: certificate.productId,
      applicationId: certificate.applicationId,
      certificateId: certificate.id,
      data: { number: certificate.number, kid: key.row.kid, job: actor.job },
    });
    await signCertificateCredential(tx, certificate);
    if (certificate.status !== "valid") bodiesWithStatus.add(certificate.verificationBodyId);
  }
  // A suspended or withdrawn certificate's new entry must show its status at once.
  for (const bodyId of bodiesWithStatus) await publishStatusLists(tx, bodyId);
  return { signed: unsigned.length };
}
