import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { benchmarks } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import { requireCategory } from "@/lib/dal/benchmark-preview";
import { currentBenchmark } from "@/lib/dal/benchmarks";
import { assertUserCan, type Actor } from "@/lib/policy";
import { parseThresholdList, type BenchmarkVersionInput } from "@/lib/validation/schemas/regulator";

/**
 * A benchmark change is a new version; certificates keep the version they were
 * graded with. A regulator sets the benchmarks of its own region only (the
 * region comes from the actor, never from the input), audited in that region.
 */
export async function createBenchmarkVersion(tx: Tx, actor: Actor | null, input: BenchmarkVersionInput) {
  assertUserCan(actor, "benchmark.manage");
  const category = await requireCategory(tx, input.categoryId);
  const region = actor.region;
  // Serializes concurrent saves for one category of a region; the unique (region, category, version) index is the backstop.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`benchmark:${region}:${input.categoryId}`}))`);
  const current = await currentBenchmark(tx, region, input.categoryId);
  const thresholds = parseThresholdList(input.thresholds);
  const [created] = await tx
    .insert(benchmarks)
    .values({
      categoryId: input.categoryId,
      region,
      version: (current?.version ?? 0) + 1,
      value: input.value,
      declaredUnit: category.declaredUnit,
      source: input.source,
      effectiveFrom: input.effectiveFrom,
      thresholds,
      createdBy: actor.id,
    })
    .onConflictDoNothing()
    .returning({ id: benchmarks.id, version: benchmarks.version });
  if (!created) throw new ConflictError();
  await recordAuditEvent(tx, actor, {
    action: "benchmark.createVersion",
    entityType: "benchmark",
    entityId: created.id,
    subjectOrganizationId: actor.organizationId,
    region,
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
}
