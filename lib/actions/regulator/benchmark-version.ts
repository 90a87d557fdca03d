"use server";

import { createAction } from "@/lib/actions/validated-action";
import { previewBenchmarkVersion } from "@/lib/dal/benchmark-preview";
import { createBenchmarkVersion } from "@/lib/domain/benchmarks/create-benchmark-version";
import { benchmarkVersionSchema } from "@/lib/validation/schemas/regulator";

/**
 * Levels of the certificates in force in the region under the current and the
 * proposed benchmark, before anything is saved.
 */
export const previewBenchmarkVersionAction = createAction(previewBenchmarkVersion, { schema: benchmarkVersionSchema });

export const createBenchmarkVersionAction = createAction(createBenchmarkVersion, {
  schema: benchmarkVersionSchema,
  revalidate: () => ["/regulator/benchmarks", "/regulator"],
});
