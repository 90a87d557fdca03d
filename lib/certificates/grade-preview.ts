import { gradeFor, type GradeBenchmark } from "./grade";

/**
 * How many footprints land in each level under a benchmark: index 0 = level 1.
 * Uses the same placement as issuance (gradeFor), so the preview never disagrees with it.
 */
export function gradeDistribution(footprints: readonly string[], benchmark: GradeBenchmark): number[] {
  const counts = new Array<number>(benchmark.thresholds.length + 1).fill(0);
  for (const footprint of footprints) {
    const result = gradeFor(footprint, benchmark);
    if (result) counts[result.grade - 1] += 1;
  }
  return counts;
}
