import { Decimal } from "@/lib/calc/decimal";

/** Upper bounds of footprint / benchmark for levels 1..4; above the last bound is level 5. */
export const DEFAULT_GRADE_THRESHOLDS: readonly number[] = [0.7, 0.85, 1.0, 1.15];

export const MAX_GRADE_THRESHOLDS = 9;

const RATIO_SIGNIFICANT_DIGITS = 12;

export type GradeBenchmark = { value: string; thresholds: readonly number[] };
export type GradeResult = { grade: number; ratio: string };

/**
 * Grade level of a footprint against a benchmark (level 1 best), or null without a benchmark.
 * Compares footprint ≤ threshold × benchmark rather than the rounded ratio, so a ratio of exactly
 * 0.70 lands in level 1 and 0.7000001 in level 2.
 */
export function gradeFor(footprint: string, benchmark: GradeBenchmark | null): GradeResult | null {
  if (!benchmark) return null;
  const value = new Decimal(footprint);
  const benchmarkValue = new Decimal(benchmark.value);
  if (benchmarkValue.lte(0)) {
    throw new RangeError(`Benchmark value must be positive, got ${benchmark.value}`);
  }
  const validation = validateThresholds(benchmark.thresholds);
  if (!validation.ok) throw new RangeError(`Invalid grade thresholds: ${validation.problem}`);

  const levelIndex = validation.thresholds.findIndex((threshold) =>
    value.lte(new Decimal(String(threshold)).times(benchmarkValue)),
  );
  const grade = levelIndex === -1 ? validation.thresholds.length + 1 : levelIndex + 1;
  const ratio = value.div(benchmarkValue).toSignificantDigits(RATIO_SIGNIFICANT_DIGITS).toFixed();
  return { grade, ratio };
}

type ThresholdsProblem = "not_a_list" | "count" | "not_a_number" | "not_positive" | "not_ascending";

type ThresholdsValidation =
  | { ok: true; thresholds: number[] }
  | { ok: false; problem: ThresholdsProblem };

/** Thresholds as the regulator configures them: 1–9 finite, positive, strictly ascending numbers. */
export function validateThresholds(thresholds: unknown): ThresholdsValidation {
  if (!Array.isArray(thresholds)) return { ok: false, problem: "not_a_list" };
  if (thresholds.length < 1 || thresholds.length > MAX_GRADE_THRESHOLDS) return { ok: false, problem: "count" };
  if (!thresholds.every((t): t is number => typeof t === "number" && Number.isFinite(t))) {
    return { ok: false, problem: "not_a_number" };
  }
  if (thresholds.some((t) => t <= 0)) return { ok: false, problem: "not_positive" };
  if (thresholds.some((t, i) => i > 0 && t <= thresholds[i - 1])) return { ok: false, problem: "not_ascending" };
  return { ok: true, thresholds: [...thresholds] };
}

/** A benchmark as stored: per one of its declared unit. */
type UnitBenchmark = GradeBenchmark & { declaredUnit: string };

type DeclaredUnitGrade<B extends UnitBenchmark> = {
  /** The footprint per one declared unit, what the benchmark is stated per. */
  perUnit: string;
  /** The benchmark graded against: null without one, or when it is stated per another unit. */
  benchmark: B | null;
  graded: GradeResult | null;
};

/**
 * How a certificate is graded: the verified total per declared unit amount, against the
 * benchmark only when it is stated per the same unit (another unit is not comparable: no grade,
 * never a guess). Issuance and the reviewer's preview both call this, so they cannot disagree.
 */
export function gradeDeclaredUnit<B extends UnitBenchmark>(
  total: string,
  product: { declaredUnitAmount: string | number; declaredUnit: string },
  benchmark: B | null,
): DeclaredUnitGrade<B> {
  const comparable = benchmark && benchmark.declaredUnit === product.declaredUnit ? benchmark : null;
  const perUnit = new Decimal(total).div(new Decimal(product.declaredUnitAmount)).toFixed();
  return { perUnit, benchmark: comparable, graded: gradeFor(perUnit, comparable) };
}
