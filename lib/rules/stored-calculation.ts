/**
 * The JSON the database keeps for a calculation (its `breakdown` column) and
 * in a submission's snapshot, read through schemas instead of casts: what a
 * page shows has the shape the code expects, or the read fails loudly.
 */
import type { CalculationBreakdown, LineResult } from "@/lib/calc/calculate";
import { EMISSION_CATEGORIES, LIFE_CYCLE_STAGES } from "@/lib/enums";
import { z } from "@/lib/validation/zod";

const lineResultSchema = z.object({
  lineId: z.string(),
  stage: z.enum(LIFE_CYCLE_STAGES),
  emissionCategory: z.enum(EMISSION_CATEGORIES),
  periodEmissions: z.string(),
  emissions: z.string(),
  share: z.string(),
}) satisfies z.ZodType<LineResult>;

const calculationBreakdownSchema = z.object({
  totalPeriod: z.string(),
  byStage: z.partialRecord(z.enum(LIFE_CYCLE_STAGES), z.string()),
  byCategory: z.record(z.enum(EMISSION_CATEGORIES), z.string()),
  biogenicRemovals: z.string(),
  lines: z.array(lineResultSchema),
  hotspots: z.array(lineResultSchema),
  factorsUsed: z.array(z.object({ factorId: z.string(), factorKey: z.string(), version: z.number().int() })),
}) satisfies z.ZodType<CalculationBreakdown>;

export function parseCalculationBreakdown(stored: unknown): CalculationBreakdown {
  return calculationBreakdownSchema.parse(stored);
}

/** The one figure of a submission snapshot the round comparison needs: its result per declared unit. */
const submissionResultSchema = z.object({ calculation: z.object({ result: z.string() }) });

/** The result a submission snapshot froze, or null for a snapshot without one. */
export function submissionSnapshotResult(snapshot: unknown): string | null {
  const parsed = submissionResultSchema.safeParse(snapshot);
  return parsed.success ? parsed.data.calculation.result : null;
}

/** What a submission snapshot froze that grading reads: the result and the product's declared unit. */
const submissionGradeBasisSchema = z.object({
  calculation: z.object({ result: z.string() }),
  product: z.object({ declaredUnitAmount: z.union([z.string(), z.number()]), declaredUnit: z.string() }),
});

type SubmissionGradeBasis = z.infer<typeof submissionGradeBasisSchema>;

/** The grading basis of a submission snapshot, or null for a snapshot without one. */
export function submissionGradeBasis(snapshot: unknown): SubmissionGradeBasis | null {
  const parsed = submissionGradeBasisSchema.safeParse(snapshot);
  return parsed.success ? parsed.data : null;
}
