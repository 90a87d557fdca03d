import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, certificates, inventoryLines, products, supplierFootprintFlags, supplyRequests } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SupplierCertificateChange } from "@/lib/enums";
import { NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { assertCan, type Actor } from "@/lib/policy";

type FlagDependentsInput = { certificateId: string; change: SupplierCertificateChange };

/**
 * The key of one change of a certificate: its status change at the certificate version it happened
 * at — or, superseded, the certificate alone (a certificate is renewed once; its later versions,
 * an expiry for one, do not supersede it again).
 */
function supplierChangeKey(certificate: { id: string; version: number }, change: SupplierCertificateChange): string {
  return change === "superseded" ? `${certificate.id}:superseded` : `${certificate.id}:${change}:${certificate.version}`;
}

/**
 * After a supplier certificate's status change commits: every customer line priced with a footprint
 * of that certificate is flagged, each application audited once and its enterprise notified once.
 * Idempotent — the change's key (certificate, change, certificate version) is unique per line, so
 * a retried or duplicated job flags and notifies nothing more.
 */
export async function flagApplicationsDependingOn(tx: Tx, actor: Actor | null, input: FlagDependentsInput) {
  assertCan(actor, "supplierFootprint.flagDependents");
  const [certificate] = await tx
    .select({ id: certificates.id, number: certificates.number, version: certificates.version, enterpriseName: certificates.enterpriseName })
    .from(certificates)
    .where(eq(certificates.id, input.certificateId));
  if (!certificate) throw new NotFoundError();
  const changeKey = supplierChangeKey(certificate, input.change);
  const dependents = await tx
    .select({
      lineId: inventoryLines.id,
      applicationId: applications.id,
      organizationId: applications.organizationId,
      region: applications.region,
      productId: applications.productId,
      status: applications.status,
      productName: products.nameZh,
      productNameEn: products.nameEn,
    })
    .from(inventoryLines)
    .innerJoin(supplyRequests, eq(supplyRequests.id, inventoryLines.supplyRequestId))
    .innerJoin(applications, eq(applications.id, inventoryLines.applicationId))
    .innerJoin(products, eq(products.id, applications.productId))
    .where(eq(supplyRequests.fulfilledCertificateId, certificate.id))
    .orderBy(applications.id, inventoryLines.id);
  if (dependents.length === 0) return { flagged: 0, applications: 0 };
  const inserted = await tx
    .insert(supplierFootprintFlags)
    .values(
      dependents.map((row) => ({
        changeKey,
        certificateId: certificate.id,
        change: input.change,
        applicationId: row.applicationId,
        lineId: row.lineId,
        organizationId: row.organizationId,
        applicationStatus: row.status,
      })),
    )
    .onConflictDoNothing({ target: [supplierFootprintFlags.changeKey, supplierFootprintFlags.lineId] })
    .returning({ lineId: supplierFootprintFlags.lineId, applicationId: supplierFootprintFlags.applicationId });
  const newlyFlagged = new Set(inserted.map((row) => row.applicationId));
  for (const applicationId of newlyFlagged) {
    const row = dependents.find((dependent) => dependent.applicationId === applicationId)!;
    const lineIds = inserted.filter((flag) => flag.applicationId === applicationId).map((flag) => flag.lineId);
    await recordAuditEvent(tx, null, {
      action: "supplierFootprint.flag",
      entityType: "application",
      entityId: applicationId,
      subjectOrganizationId: row.organizationId,
      region: row.region,
      productId: row.productId,
      applicationId,
      data: { certificateId: certificate.id, certificateNumber: certificate.number, change: input.change, changeKey, lineIds, applicationStatus: row.status },
    });
    await notify(tx, {
      organizationId: row.organizationId,
      applicationId,
      kind: `supply.dependency.${input.change}`,
      params: { number: certificate.number, supplier: certificate.enterpriseName, product: row.productName, productEn: row.productNameEn },
    });
  }
  return { flagged: inserted.length, applications: newlyFlagged.size };
}

/** The open flags of some lines: a draft with one may not be submitted until it is resolved. */
export async function unresolvedFlagsOf(tx: Tx, applicationId: string, lineIds?: string[]) {
  return tx
    .select({ id: supplierFootprintFlags.id, lineId: supplierFootprintFlags.lineId, change: supplierFootprintFlags.change })
    .from(supplierFootprintFlags)
    .where(
      and(
        eq(supplierFootprintFlags.applicationId, applicationId),
        isNull(supplierFootprintFlags.resolvedAt),
        lineIds ? inArray(supplierFootprintFlags.lineId, lineIds) : undefined,
      ),
    );
}
