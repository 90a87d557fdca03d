import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, certificates, emissionFactors, factorImpactCertificates, factorImpactRuns, inventoryLines, products, users, type EmissionFactor } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notify } from "@/lib/notifications/notify";
import { assertCan, isRegionalFactorRegion, type Actor } from "@/lib/policy";
import { footprintShift, recalculationRecommended, type FactorUseLine } from "@/lib/regulator/factor-impact";
import type { ClaimedFactorImpactRun } from "./claim-factor-impact-run";

type Affected = { certificateId: string; number: string; organizationId: string; shift: string };

/**
 * Computes a claimed run: the certificates in force whose footprint the run's factor version
 * would move by more than 10 % (in the factor's region; everywhere for a national factor) are
 * stored with their shift, their enterprises notified to recalculate, and the run marked done —
 * in one transaction, so a run is done with its notices or not at all. A run no longer running
 * under this attempt (done by a runner that took over a lapsed claim) changes nothing, so
 * running the job twice notifies once. Audited in the factor's region.
 */
export async function completeFactorImpactRun(tx: Tx, actor: Actor | null, { runId, attempt }: ClaimedFactorImpactRun): Promise<{ completed: boolean; affected: number }> {
  assertCan(actor, "factorImpact.run");
  const [run] = await tx
    .select({ run: factorImpactRuns, factor: emissionFactors, requesterOrganizationId: users.organizationId })
    .from(factorImpactRuns)
    .innerJoin(emissionFactors, eq(emissionFactors.id, factorImpactRuns.factorId))
    .leftJoin(users, eq(users.id, factorImpactRuns.requestedBy))
    .where(eq(factorImpactRuns.id, runId))
    .for("update", { of: factorImpactRuns });
  if (!run || run.run.status !== "running" || run.run.attempts !== attempt) return { completed: false, affected: 0 };

  const affected = await affectedCertificates(tx, run.factor);
  if (affected.length > 0) {
    await tx.insert(factorImpactCertificates).values(affected.map((certificate) => ({ runId, certificateId: certificate.certificateId, shift: certificate.shift })));
  }
  for (const certificate of affected) {
    await notify(tx, {
      organizationId: certificate.organizationId,
      kind: "factor.recalculationRecommended",
      certificateId: certificate.certificateId,
      params: {
        number: certificate.number,
        factor: `${run.factor.factorKey} v${run.factor.version}`,
        shift: (Number(certificate.shift) * 100).toFixed(1),
      },
    });
  }
  await tx.update(factorImpactRuns).set({ status: "done", leaseUntil: null, lastError: null, finishedAt: new Date() }).where(eq(factorImpactRuns.id, runId));
  await recordAuditEvent(tx, null, {
    action: "factor.impactRun",
    entityType: "emission_factor",
    entityId: run.factor.id,
    // Beside the version's own event: the chain of the region and of the organization that wrote it.
    subjectOrganizationId: run.requesterOrganizationId,
    region: run.factor.region,
    fromStatus: "running",
    toStatus: "done",
    data: {
      runId,
      factorKey: run.factor.factorKey,
      version: run.factor.version,
      affectedCertificates: affected.map((certificate) => certificate.number),
      job: actor.role === "system" ? actor.job : null,
    },
  });
  return { completed: true, affected: affected.length };
}

/**
 * Certificates in force whose applications used a version of the key older than `next`: those
 * of the factor's region, or of every region for a national factor. Certificates are taken as
 * they stand when the run computes (one that lapsed meanwhile needs no recalculation).
 */
async function affectedCertificates(tx: Tx, next: EmissionFactor): Promise<Affected[]> {
  const rows = await tx
    .select({
      certificateId: certificates.id,
      number: certificates.number,
      organizationId: certificates.organizationId,
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
        eq(emissionFactors.factorKey, next.factorKey),
        // Versions before this one: a later version written before the run computes has a run of its own.
        lt(emissionFactors.version, next.version),
        isRegionalFactorRegion(next.region) ? eq(certificates.region, next.region) : undefined,
        inArray(certificates.status, ["valid", "suspended"]),
      ),
    )
    .orderBy(certificates.id, inventoryLines.id);
  const byCertificate = new Map<string, { row: (typeof rows)[number]; lines: FactorUseLine[] }>();
  for (const row of rows) {
    const entry = byCertificate.get(row.certificateId) ?? { row, lines: [] };
    entry.lines.push({ quantity: row.quantity, unit: row.unit, allocationShare: row.allocationShare });
    byCertificate.set(row.certificateId, entry);
  }
  const affected: Affected[] = [];
  for (const { row, lines } of byCertificate.values()) {
    const shift = footprintShift({
      lines,
      productionVolume: row.productionVolume,
      footprint: row.footprint,
      previous: { value: row.factorValue, unit: row.factorUnit },
      next,
    });
    if (!recalculationRecommended(shift)) continue;
    affected.push({ certificateId: row.certificateId, number: row.number, organizationId: row.organizationId, shift: shift!.toDecimalPlaces(4).toFixed() });
  }
  return affected;
}
