import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { emissionFactors, factorImpactRuns } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { unitDimension } from "@/lib/calc/units";
import { sendJobAfterCommit } from "@/lib/jobs";
import { assertDecision, assertUserCan, decideOnFactor, factorPermission, type Actor } from "@/lib/policy";
import type { FactorFields } from "@/lib/validation/schemas/regulator";

/**
 * Adds a factor, or a new version of an existing factor key: the current
 * version is superseded, never edited (certificates and snapshots point at it).
 * A key stays in the region of its first version, and only whoever keeps that
 * region's factors writes it (its regulator; the operator for national ones).
 * A new version queues its impact run (./complete-factor-impact-run.ts) in the
 * same transaction. Audited in the factor's region.
 */
export async function addFactorVersion(tx: Tx, actor: Actor | null, fields: FactorFields) {
  // A regional factor is its regulator's, a national one the operator's.
  assertUserCan(actor, factorPermission(fields.region));
  // One writer per factor key: versions stay consecutive.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`factor:${fields.factorKey}`}))`);
  const [current] = await tx
    .select()
    .from(emissionFactors)
    .where(eq(emissionFactors.factorKey, fields.factorKey))
    .orderBy(desc(emissionFactors.version))
    .limit(1);
  if (current) {
    assertDecision(decideOnFactor(actor, current));
    if (fields.region !== current.region) throw new OperationError("errors.validation", { region: ["factors.errors.regionFixed"] });
  } else {
    const decision = decideOnFactor(actor, fields);
    // A new key of another region: the region typed is what is wrong.
    if (!decision.allowed) throw new OperationError("errors.validation", { region: [decision.message ?? "errors.forbidden"] });
  }
  if (current && unitDimension(current.unit) !== unitDimension(fields.unit)) {
    throw new OperationError("errors.validation", { unit: ["factors.errors.unitDimension"] });
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
    .values({ ...fields, version: (current?.version ?? 0) + 1, createdBy: actor.id, createdAt: now })
    .returning();

  // A new version may move certified footprints: the factor-impact job lists them
  // and notifies their enterprises after this commit, so the regulator does not wait for it.
  const [impactRun] = current
    ? await tx.insert(factorImpactRuns).values({ factorId: created.id, region: created.region, requestedBy: actor.id }).returning({ id: factorImpactRuns.id })
    : [];
  if (impactRun) sendJobAfterCommit(tx, "factor-impact");
  await recordAuditEvent(tx, actor, {
    action: current ? "factor.supersede" : "factor.create",
    entityType: "emission_factor",
    entityId: created.id,
    subjectOrganizationId: actor.organizationId,
    // The trail of the region whose data changed (the national one, e.g. CN, for a national factor).
    region: created.region,
    fromStatus: current ? `v${current.version}` : null,
    toStatus: `v${created.version}`,
    data: {
      factorKey: fields.factorKey,
      value: fields.value,
      unit: fields.unit,
      previous: current ? { value: current.value, unit: current.unit } : null,
      impactRunId: impactRun?.id ?? null,
    },
  });
  return { factor: created, impactRunId: impactRun?.id ?? null };
}
