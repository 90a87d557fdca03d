import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { submissions, type Application } from "@/db/schema";
import { gradeDeclaredUnit } from "@/lib/certificates/grade";
import { submissionGradeBasis } from "@/lib/rules/stored-calculation";
import { benchmarkInForce } from "./benchmarks";

/**
 * What approving would certify today: the latest round's footprint per declared unit, graded
 * against the benchmark in force exactly as `issueCertificate` grades it (`gradeDeclaredUnit`).
 * Callers have checked the reader may decide on the application; null without a submitted round.
 */
export async function decisionOutcome(executor: DbOrTx, application: Pick<Application, "id" | "region" | "categoryId">) {
  const [submission] = await executor
    .select({ snapshot: submissions.snapshot })
    .from(submissions)
    .where(eq(submissions.applicationId, application.id))
    .orderBy(desc(submissions.round))
    .limit(1);
  const basis = submission ? submissionGradeBasis(submission.snapshot) : null;
  if (!basis) return null;
  const inForce = await benchmarkInForce(executor, application.region, application.categoryId);
  const { perUnit, benchmark, graded } = gradeDeclaredUnit(basis.calculation.result, basis.product, inForce);
  return {
    perUnit,
    declaredUnit: basis.product.declaredUnit,
    grade: graded?.grade ?? null,
    ratio: graded?.ratio ?? null,
    /** Levels the benchmark has: the grade's scale (level 1 best). */
    levels: benchmark ? benchmark.thresholds.length + 1 : null,
    benchmark: benchmark && { id: benchmark.id, version: benchmark.version, value: benchmark.value, declaredUnit: benchmark.declaredUnit, effectiveFrom: benchmark.effectiveFrom, source: benchmark.source },
    /** A benchmark is in force but stated per another unit: the certificate carries no grade. */
    benchmarkInOtherUnit: inForce !== null && benchmark === null ? inForce.declaredUnit : null,
  };
}

export type DecisionOutcome = NonNullable<Awaited<ReturnType<typeof decisionOutcome>>>;
