"use server";

import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { benchmarks, productCategories } from "@/db/schema";
import { ActionError, ConflictError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import { gradeDistribution } from "@/lib/certificates/grade-preview";
import { currentBenchmark, currentFootprints } from "@/lib/dal/benchmarks";
import { benchmarkVersionSchema, parseThresholdList } from "@/lib/validation/schemas/regulator";

async function requireCategory(tx: Tx, categoryId: string) {
  const [category] = await tx.select().from(productCategories).where(eq(productCategories.id, categoryId));
  if (!category) throw new ActionError("errors.validation", { categoryId: ["validation.choice"] });
  return category;
}

/**
 * Levels of the certificates in force in the region under the current and the
 * proposed benchmark, before anything is saved.
 */
export const previewBenchmarkVersionAction = createAction("benchmark.manage", {
  schema: benchmarkVersionSchema,
  run: async ({ user, input, tx }) => {
    await requireCategory(tx, input.categoryId);
    const [current, footprints] = await Promise.all([
      currentBenchmark(tx, input.categoryId),
      currentFootprints(tx, user.region, input.categoryId),
    ]);
    return {
      certificates: footprints.length,
      proposed: gradeDistribution(footprints, { value: input.value, thresholds: parseThresholdList(input.thresholds) }),
      current: current ? gradeDistribution(footprints, { value: current.value, thresholds: current.thresholds }) : null,
    };
  },
});

/** A benchmark change is a new version; certificates keep the version they were graded with. */
export const createBenchmarkVersionAction = createAction("benchmark.manage", {
  schema: benchmarkVersionSchema,
  revalidate: () => ["/regulator/benchmarks", "/regulator"],
  run: async ({ user, input, tx }) => {
    const category = await requireCategory(tx, input.categoryId);
    // Serializes concurrent saves for one category; the unique (category, version) index is the backstop.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`benchmark:${input.categoryId}`}))`);
    const current = await currentBenchmark(tx, input.categoryId);
    const thresholds = parseThresholdList(input.thresholds);
    const [created] = await tx
      .insert(benchmarks)
      .values({
        categoryId: input.categoryId,
        version: (current?.version ?? 0) + 1,
        value: input.value,
        declaredUnit: category.declaredUnit,
        source: input.source,
        effectiveFrom: input.effectiveFrom,
        thresholds,
        createdBy: user.id,
      })
      .onConflictDoNothing()
      .returning({ id: benchmarks.id, version: benchmarks.version });
    if (!created) throw new ConflictError();
    await recordAuditEvent(tx, user, {
      action: "benchmark.createVersion",
      entityType: "benchmark",
      entityId: created.id,
      subjectOrganizationId: user.organizationId,
      region: user.region,
      fromStatus: current ? `v${current.version}` : null,
      toStatus: `v${created.version}`,
      data: {
        categoryId: input.categoryId,
        value: input.value,
        thresholds,
        previous: current ? { value: current.value, thresholds: current.thresholds ?? DEFAULT_GRADE_THRESHOLDS } : null,
      },
    });
    return created;
  },
});
