import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificates, surveillanceRecords, type Certificate } from "@/db/schema";
import { ConflictError } from "@/lib/actions/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { addYears, effectiveStatus, SURVEILLANCE_INTERVAL_YEARS, todayInShanghai } from "@/lib/certificates/validity";
import { notify } from "@/lib/notifications/notify";
import { isCertificateBody } from "./certificate-access";
import { changeCertificateStatus, loadCertificateFor, type CertificateActor } from "./change-certificate-status";

export type RecordSurveillanceInput = {
  certificateId: string;
  expectedVersion: number;
  performedOn: string;
  result: "passed" | "failed";
  notes: string;
  actor: CertificateActor;
};

/**
 * 获证后监督: the certificate's body records a surveillance. Passed moves the next due date a year
 * on (from the due date, so a late surveillance does not shift the schedule); failed suspends the
 * certificate with the notes as the reason. Both bump the version, so a concurrent change loses.
 */
export async function recordSurveillance(tx: Tx, input: RecordSurveillanceInput): Promise<Certificate> {
  const authorize = (certificate: Certificate) => isCertificateBody(input.actor, certificate);
  const certificate = await loadCertificateFor(tx, input.certificateId, authorize);
  const live = effectiveStatus(certificate.status, certificate.expiresOn, todayInShanghai());
  if (live !== "valid" && live !== "suspended") throw new ConflictError("certificates.errors.notAllowedInStatus");

  await tx.insert(surveillanceRecords).values({
    certificateId: certificate.id,
    performedOn: input.performedOn,
    result: input.result,
    notes: input.notes,
    recordedBy: input.actor.id,
  });
  const nextDue = addYears(certificate.nextSurveillanceDue, SURVEILLANCE_INTERVAL_YEARS);
  const data = { performedOn: input.performedOn, result: input.result, nextSurveillanceDue: nextDue };

  if (input.result === "failed" && live === "valid") {
    return changeCertificateStatus(tx, {
      certificateId: certificate.id,
      expectedVersion: input.expectedVersion,
      from: ["valid"],
      to: "suspended",
      actor: input.actor,
      authorize,
      action: "certificate.surveillanceFailed",
      reason: input.notes,
      notifyKind: "surveillanceFailed",
      data,
    });
  }

  const [updated] = await tx
    .update(certificates)
    .set({
      version: sql`${certificates.version} + 1`,
      ...(input.result === "passed" ? { nextSurveillanceDue: nextDue } : {}),
    })
    .where(and(eq(certificates.id, certificate.id), eq(certificates.version, input.expectedVersion)))
    .returning();
  if (!updated) throw new ConflictError("certificates.errors.conflict");
  await recordAuditEvent(tx, input.actor, {
    action: input.result === "passed" ? "certificate.surveillancePassed" : "certificate.surveillanceFailed",
    entityType: "certificate",
    entityId: certificate.id,
    subjectOrganizationId: certificate.organizationId,
    region: certificate.region,
    productId: certificate.productId,
    applicationId: certificate.applicationId,
    certificateId: certificate.id,
    fromStatus: live,
    toStatus: live,
    reason: input.notes,
    data,
  });
  await notify(tx, {
    organizationId: certificate.organizationId,
    kind: input.result === "passed" ? "surveillancePassed" : "surveillanceFailed",
    certificateId: certificate.id,
    params: { number: certificate.number, reason: input.notes },
  });
  return updated;
}
