import "server-only";
import { and, asc, eq, lt, or, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { factorImpactRuns } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/policy";

/** How long a claimed run stays its runner's: far longer than a run takes, shorter than the queue's expiry. */
export const FACTOR_IMPACT_LEASE_SECONDS = 5 * 60;

type ClaimFactorImpactRunInput = { leaseSeconds: number; now?: Date };

/** A claimed run: the outcome is recorded against this attempt, so a lapsed claim changes nothing. */
export type ClaimedFactorImpactRun = { runId: string; attempt: number };

/**
 * Takes a run waiting (or one whose runner's lease lapsed) and marks it running, so the
 * regulator's page shows it started. Rows another runner holds are skipped (`FOR UPDATE SKIP
 * LOCKED`); null when no run waits.
 */
export async function claimFactorImpactRun(tx: Tx, actor: Actor | null, { leaseSeconds, now = new Date() }: ClaimFactorImpactRunInput): Promise<ClaimedFactorImpactRun | null> {
  assertCan(actor, "factorImpact.run");
  const [due] = await tx
    .select({ id: factorImpactRuns.id })
    .from(factorImpactRuns)
    .where(or(eq(factorImpactRuns.status, "queued"), and(eq(factorImpactRuns.status, "running"), lt(factorImpactRuns.leaseUntil, now))))
    // Runs that failed before go after fresh ones, so one failing run does not hold the others up.
    .orderBy(asc(factorImpactRuns.attempts), asc(factorImpactRuns.createdAt))
    .limit(1)
    .for("update", { skipLocked: true });
  if (!due) return null;
  const [claimed] = await tx
    .update(factorImpactRuns)
    .set({
      status: "running",
      attempts: sql`${factorImpactRuns.attempts} + 1`,
      leaseUntil: new Date(now.getTime() + leaseSeconds * 1000),
      startedAt: sql`coalesce(${factorImpactRuns.startedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(factorImpactRuns.id, due.id))
    .returning({ runId: factorImpactRuns.id, attempt: factorImpactRuns.attempts });
  return claimed;
}
