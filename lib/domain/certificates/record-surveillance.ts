import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificates, surveillanceRecords, type Certificate } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { addYears, SURVEILLANCE_INTERVAL_YEARS } from "@/lib/certificates/validity";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import { assertCertificateState, changeCertificateStatus, loadCertificateFor } from "./change-certificate-status";

type RecordSurveillanceInput = {
  certificateId: string;
  expectedVersion: number;
  performedOn: string;
  result: "passed" | "failed";
  notes: string;
};

/**
 * 获证后监督: the certificate's body records a surveillance. Passed moves the next due date a year
 * on (from the due date, so a late surveillance does not shift the schedule); failed suspends the
 * certificate with the notes as the reason. Both bump the version, so a concurrent change loses.
 */
export async function recordSurveillance(tx: Tx, actor: Actor | null, input: RecordSurveillanceInput): Promise<Certificate> {
  assertUserCan(actor, "certificate.recordSurveillance");
  const certificate = await loadCertificateFor(tx, input.certificateId, actor, "certificate.recordSurveillance");
  const live = assertCertificateState(certificate, input.expectedVersion, actor, "certificate.recordSurveillance");

  await tx.insert(surveillanceRecords).values({
    certificateId: certificate.id,
    performedOn: input.performedOn,
    result: input.result,
    notes: input.notes,
    recordedBy: actor.id,
  });
  const nextDue = addYears(certificate.nextSurveillanceDue, SURVEILLANCE_INTERVAL_YEARS);
  const data = { performedOn: input.performedOn, result: input.result, nextSurveillanceDue: nextDue };

  if (input.result === "failed" && live === "valid") {
    return changeCertificateStatus(tx, actor, {
      certificateId: certificate.id,
      expectedVersion: input.expectedVersion,
      from: ["valid"],
      to: "suspended",
      permission: "certificate.recordSurveillance",
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
  await recordAuditEvent(tx, actor, {
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
