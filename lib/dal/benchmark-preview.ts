import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { productCategories } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { gradeDistribution } from "@/lib/certificates/grade-preview";
import { assertUserCan, type Actor } from "@/lib/policy";
import { parseThresholdList, type BenchmarkVersionInput } from "@/lib/validation/schemas/regulator";
import { currentBenchmark, currentFootprints } from "./benchmarks";

/** The category a benchmark is set for; an unknown one is refused next to its field. */
export async function requireCategory(executor: DbOrTx, categoryId: string) {
  const [category] = await executor.select().from(productCategories).where(eq(productCategories.id, categoryId));
  if (!category) throw new OperationError("errors.validation", { categoryId: ["validation.choice"] });
  return category;
}

/**
 * Levels of the certificates in force in the regulator's region under the
 * current and the proposed benchmark, before anything is saved. A read, in the
 * operation shape so its server action maps refusals like every other.
 */
export async function previewBenchmarkVersion(executor: DbOrTx, actor: Actor | null, input: BenchmarkVersionInput) {
  assertUserCan(actor, "benchmark.manage");
  await requireCategory(executor, input.categoryId);
  // One statement at a time: the action runs this on one transaction's connection.
  const current = await currentBenchmark(executor, actor.region, input.categoryId);
  const footprints = await currentFootprints(executor, actor.region, input.categoryId);
  return {
    certificates: footprints.length,
    proposed: gradeDistribution(footprints, { value: input.value, thresholds: parseThresholdList(input.thresholds) }),
    current: current ? gradeDistribution(footprints, { value: current.value, thresholds: current.thresholds }) : null,
  };
}
