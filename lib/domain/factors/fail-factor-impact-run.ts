import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emissionFactors, factorImpactRuns, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/policy";
import type { ClaimedFactorImpactRun } from "./claim-factor-impact-run";

/** Attempts before a run is given up and shown as failed. */
export const FACTOR_IMPACT_MAX_ATTEMPTS = 5;

type FailFactorImpactRunInput = ClaimedFactorImpactRun & { error: string };

/**
 * Records a failed attempt: the run waits for the job's next try, or after its last attempt is
 * given up (failed, audited: the enterprises it should have told were not told). A failure of
 * an attempt that is no longer current (a lapsed claim taken over) changes nothing.
 */
export async function failFactorImpactRun(tx: Tx, actor: Actor | null, { runId, attempt, error }: FailFactorImpactRunInput): Promise<{ status: "queued" | "failed" | null }> {
  assertCan(actor, "factorImpact.run");
  const [run] = await tx
    .select({ run: factorImpactRuns, factor: emissionFactors, requesterOrganizationId: users.organizationId })
    .from(factorImpactRuns)
    .innerJoin(emissionFactors, eq(emissionFactors.id, factorImpactRuns.factorId))
    .leftJoin(users, eq(users.id, factorImpactRuns.requestedBy))
    .where(eq(factorImpactRuns.id, runId))
    .for("update", { of: factorImpactRuns });
  if (!run || run.run.status !== "running" || run.run.attempts !== attempt) return { status: null };
  const givenUp = attempt >= FACTOR_IMPACT_MAX_ATTEMPTS;
  const lastError = error.slice(0, 2000);
  await tx
    .update(factorImpactRuns)
    .set({ status: givenUp ? "failed" : "queued", leaseUntil: null, lastError, finishedAt: givenUp ? new Date() : null })
    .where(eq(factorImpactRuns.id, runId));
  if (givenUp) {
    await recordAuditEvent(tx, null, {
      action: "factor.impactRunFailed",
      entityType: "emission_factor",
      entityId: run.factor.id,
      subjectOrganizationId: run.requesterOrganizationId,
      region: run.factor.region,
      fromStatus: "running",
      toStatus: "failed",
      data: { runId, factorKey: run.factor.factorKey, version: run.factor.version, attempts: attempt, error: lastError, job: actor.role === "system" ? actor.job : null },
    });
  }
  return { status: givenUp ? "failed" : "queued" };
}
