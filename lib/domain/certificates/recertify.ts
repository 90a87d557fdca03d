import "server-only";
import { and, asc, eq, notInArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, certificates, inventoryLines } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { assertDecision, assertUserCan, CLOSED_STATUSES, decideOnCertificate, type Actor } from "@/lib/policy";

type RecertifyInput = { certificateId: string };

/**
 * 再认证: a new draft application for the certified product, linked to the certificate it renews,
 * with the inventory of the certified application copied (unverified) so the enterprise updates
 * the figures rather than retyping them. Once per certificate; the certificate row is locked so
 * two clicks cannot open two renewals.
 */
export async function recertify(tx: Tx, actor: Actor | null, { certificateId }: RecertifyInput) {
  assertUserCan(actor, "certificate.recertify");
  const [certificate] = await tx.select().from(certificates).where(eq(certificates.id, certificateId)).for("update");
  if (!certificate) throw new NotFoundError("certificates.errors.notFound");
  // The holder, while the certificate is valid, suspended or expired (a withdrawn one is not carried forward).
  const status = effectiveStatus(certificate.status, certificate.expiresOn, todayInShanghai());
  assertDecision(decideOnCertificate(actor, "certificate.recertify", { ...certificate, status }));
  const [renewal] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.previousCertificateId, certificate.id));
  if (renewal) throw new ConflictError("certificates.errors.recertifyNotAllowed");
  const [open] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.productId, certificate.productId), notInArray(applications.status, [...CLOSED_STATUSES])));
  if (open) throw new ConflictError("applications.errors.alreadyOpen");

  const [previous] = await tx.select().from(applications).where(eq(applications.id, certificate.applicationId));
  const [application] = await tx
    .insert(applications)
    .values({
      productId: previous.productId,
      organizationId: previous.organizationId,
      categoryId: previous.categoryId,
      region: previous.region,
      district: previous.district,
      previousCertificateId: certificate.id,
      inventoryRevision: 1,
    })
    .returning({ id: applications.id });

  // What the enterprise entered; verification marks and evidence belong to the earlier round.
  const lines = await tx
    .select({
      stage: inventoryLines.stage,
      position: inventoryLines.position,
      description: inventoryLines.description,
      quantity: inventoryLines.quantity,
      unit: inventoryLines.unit,
      source: inventoryLines.source,
      factorId: inventoryLines.factorId,
      supplierFactorValue: inventoryLines.supplierFactorValue,
      supplierFactorUnit: inventoryLines.supplierFactorUnit,
      supplierName: inventoryLines.supplierName,
      gas: inventoryLines.gas,
      dataType: inventoryLines.dataType,
      dqrTechnological: inventoryLines.dqrTechnological,
      dqrGeographical: inventoryLines.dqrGeographical,
      dqrTemporal: inventoryLines.dqrTemporal,
      allocationShare: inventoryLines.allocationShare,
      emissionCategory: inventoryLines.emissionCategory,
    })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, previous.id))
    .orderBy(asc(inventoryLines.stage), asc(inventoryLines.position));
  if (lines.length > 0) {
    await tx.insert(inventoryLines).values(lines.map((line) => ({ ...line, applicationId: application.id })));
  }

  await recordAuditEvent(tx, actor, {
    action: "certificate.recertify",
    entityType: "application",
    entityId: application.id,
    subjectOrganizationId: certificate.organizationId,
    region: certificate.region,
    productId: certificate.productId,
    applicationId: application.id,
    certificateId: certificate.id,
    toStatus: "draft",
    data: { previousApplicationId: previous.id, copiedLines: lines.length },
  });
  return { applicationId: application.id };
}
