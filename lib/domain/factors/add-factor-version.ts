import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, certificates, emissionFactors, inventoryLines, products } from "@/db/schema";
import { ActionError } from "@/lib/actions/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { unitDimension } from "@/lib/calc/units";
import { notify } from "@/lib/notifications/notify";
import { footprintShift, recalculationRecommended, type FactorUseLine } from "@/lib/regulator/factor-impact";
import type { FactorFields } from "@/lib/validation/schemas/regulator";

export type AffectedCertificate = {
  certificateId: string;
  number: string;
  enterpriseName: string;
  /** Relative change of the footprint, e.g. "0.1234" = +12.34 %. */
  shift: string;
};

/**
 * Adds a factor, or a new version of an existing factor key: the current
 * version is superseded, never edited (certificates and snapshots point at it).
 * Lists the region's certificates whose footprint the new version would move by
 * more than 10 % and notifies their enterprises to recalculate.
 */
export async function addFactorVersion(tx: Tx, user: CurrentUser, fields: FactorFields) {
  // One writer per factor key: versions stay consecutive.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`factor:${fields.factorKey}`}))`);
  const [current] = await tx
    .select()
    .from(emissionFactors)
    .where(eq(emissionFactors.factorKey, fields.factorKey))
    .orderBy(desc(emissionFactors.version))
    .limit(1);
  if (current && unitDimension(current.unit) !== unitDimension(fields.unit)) {
    throw new ActionError("errors.validation", { unit: ["factors.errors.unitDimension"] });
  }
  const now = new Date();
  if (current) {
    await tx
      .update(emissionFactors)
      .set({ supersededAt: now })
      .where(and(eq(emissionFactors.factorKey, fields.factorKey), isNull(emissionFactors.supersededAt)));
  }
  const [created] = await tx
    .insert(emissionFactors)
    .values({ ...fields, version: (current?.version ?? 0) + 1, createdBy: user.id, createdAt: now })
    .returning();

  const affected = current ? await affectedCertificates(tx, user, fields.factorKey, created) : [];
  for (const certificate of affected) {
    await notify(tx, {
      organizationId: certificate.organizationId,
      kind: "factor.recalculationRecommended",
      certificateId: certificate.certificateId,
      params: {
        number: certificate.number,
        factor: `${fields.factorKey} v${created.version}`,
        shift: (Number(certificate.shift) * 100).toFixed(1),
      },
    });
  }
  await recordAuditEvent(tx, user, {
    action: current ? "factor.supersede" : "factor.create",
    entityType: "emission_factor",
    entityId: created.id,
    subjectOrganizationId: user.organizationId,
    region: user.region,
    fromStatus: current ? `v${current.version}` : null,
    toStatus: `v${created.version}`,
    data: {
      factorKey: fields.factorKey,
      value: fields.value,
      unit: fields.unit,
      previous: current ? { value: current.value, unit: current.unit } : null,
      affectedCertificates: affected.map((certificate) => certificate.number),
    },
  });
  return {
    factor: created,
    affected: affected.map(
      (certificate): AffectedCertificate => ({
        certificateId: certificate.certificateId,
        number: certificate.number,
        enterpriseName: certificate.enterpriseName,
        shift: certificate.shift,
      }),
    ),
  };
}

/** Certificates in force in the region whose applications used an earlier version of the key. */
async function affectedCertificates(
  tx: Tx,
  user: CurrentUser,
  factorKey: string,
  next: { value: string; unit: string },
): Promise<Array<AffectedCertificate & { organizationId: string }>> {
  const rows = await tx
    .select({
      certificateId: certificates.id,
      number: certificates.number,
      organizationId: certificates.organizationId,
      enterpriseName: certificates.enterpriseName,
      footprint: certificates.value,
      productionVolume: products.productionVolume,
      quantity: inventoryLines.quantity,
      unit: inventoryLines.unit,
      allocationShare: inventoryLines.allocationShare,
      factorValue: emissionFactors.value,
      factorUnit: emissionFactors.unit,
    })
    .from(emissionFactors)
    .innerJoin(inventoryLines, eq(inventoryLines.factorId, emissionFactors.id))
    .innerJoin(certificates, eq(certificates.applicationId, inventoryLines.applicationId))
    .innerJoin(applications, eq(applications.id, certificates.applicationId))
    .innerJoin(products, eq(products.id, applications.productId))
    .where(
      and(
        eq(emissionFactors.factorKey, factorKey),
        sql`${emissionFactors.supersededAt} is not null`,
        eq(certificates.region, user.region),
        inArray(certificates.status, ["valid", "suspended"]),
      ),
    );
  const byCertificate = new Map<string, { row: (typeof rows)[number]; lines: FactorUseLine[] }>();
  for (const row of rows) {
    const entry = byCertificate.get(row.certificateId) ?? { row, lines: [] };
    entry.lines.push({ quantity: row.quantity, unit: row.unit, allocationShare: row.allocationShare });
    byCertificate.set(row.certificateId, entry);
  }
  const affected: Array<AffectedCertificate & { organizationId: string }> = [];
  for (const { row, lines } of byCertificate.values()) {
    const shift = footprintShift({
      lines,
      productionVolume: row.productionVolume,
      footprint: row.footprint,
      previous: { value: row.factorValue, unit: row.factorUnit },
      next,
    });
    if (!recalculationRecommended(shift)) continue;
    affected.push({
      certificateId: row.certificateId,
      number: row.number,
      organizationId: row.organizationId,
      enterpriseName: row.enterpriseName,
      shift: shift!.toDecimalPlaces(4).toFixed(),
    });
  }
  return affected.sort((a, b) => Math.abs(Number(b.shift)) - Math.abs(Number(a.shift)));
}
