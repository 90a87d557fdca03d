import { describe, expect, it } from "vitest";
import { DEFAULT_GRADE_THRESHOLDS, gradeDeclaredUnit, gradeFor, validateThresholds } from "@/lib/certificates/grade";

const benchmark = (value: string, thresholds: readonly number[] = DEFAULT_GRADE_THRESHOLDS) => ({ value, thresholds });

describe("gradeFor", () => {
  it.each([
    ["0.1", 1],
    ["0.70", 1],
    ["0.7000001", 2],
    ["0.85", 2],
    ["0.8500001", 3],
    ["1.00", 3],
    ["1.0000001", 4],
    ["1.15", 4],
    ["1.1500001", 5],
    ["40", 5],
  ])("places ratio %s at level %i against a benchmark of 1", (footprint, grade) => {
    expect(gradeFor(footprint, benchmark("1"))?.grade).toBe(grade);
  });

  it("compares exactly where the ratio is not a finite decimal", () => {
    // 0.7 × 3 = 2.1 exactly, although 2.1 / 3 is not representable in binary floating point.
    expect(gradeFor("2.1", benchmark("3"))?.grade).toBe(1);
    expect(gradeFor("2.1000000000000001", benchmark("3"))?.grade).toBe(2);
    expect(gradeFor("345", benchmark("300"))).toEqual({ grade: 4, ratio: "1.15" });
  });

  it("reports the ratio in plain notation", () => {
    expect(gradeFor("1", benchmark("3"))?.ratio).toBe("0.333333333333");
    expect(gradeFor("0.00000001", benchmark("1000"))?.ratio).toBe("0.00000000001");
  });

  it("gives no grade without a benchmark", () => {
    expect(gradeFor("306.5", null)).toBeNull();
  });

  it("uses the benchmark's own thresholds", () => {
    expect(gradeFor("0.95", benchmark("1", [0.5, 1]))?.grade).toBe(2);
    expect(gradeFor("1.01", benchmark("1", [0.5, 1]))?.grade).toBe(3);
  });

  it("rejects a non-positive benchmark or invalid thresholds", () => {
    expect(() => gradeFor("1", benchmark("0"))).toThrow(RangeError);
    expect(() => gradeFor("1", benchmark("1", [1, 0.5]))).toThrow(RangeError);
  });
});

describe("validateThresholds", () => {
  it("accepts the defaults and copies them", () => {
    expect(validateThresholds(DEFAULT_GRADE_THRESHOLDS)).toEqual({ ok: true, thresholds: [0.7, 0.85, 1, 1.15] });
  });

  it.each([
    ["a string", "0.7,0.85", "not_a_list"],
    ["an empty list", [], "count"],
    ["ten entries", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "count"],
    ["a non-number", [0.7, "0.85"], "not_a_number"],
    ["NaN", [0.7, Number.NaN], "not_a_number"],
    ["zero", [0, 0.85], "not_positive"],
    ["a descending pair", [0.85, 0.7], "not_ascending"],
    ["a repeated value", [0.7, 0.7], "not_ascending"],
  ])("rejects %s", (_case, thresholds, problem) => {
    expect(validateThresholds(thresholds)).toEqual({ ok: false, problem });
  });

  it("accepts nine entries", () => {
    expect(validateThresholds([1, 2, 3, 4, 5, 6, 7, 8, 9]).ok).toBe(true);
  });
});

describe("gradeDeclaredUnit (issuance and the reviewer's preview)", () => {
  const perPiece = { value: "100", thresholds: DEFAULT_GRADE_THRESHOLDS, declaredUnit: "piece" };

  it("grades the total per declared unit amount", () => {
    // 1 700 kg CO2e for 20 pieces = 85 per piece: 0.85 of the benchmark, level 2's upper bound.
    expect(gradeDeclaredUnit("1700", { declaredUnitAmount: "20", declaredUnit: "piece" }, perPiece)).toEqual({
      perUnit: "85",
      benchmark: perPiece,
      graded: { grade: 2, ratio: "0.85" },
    });
  });

  it("does not grade against a benchmark stated per another unit, nor without one", () => {
    expect(gradeDeclaredUnit("85", { declaredUnitAmount: 1, declaredUnit: "kg" }, perPiece)).toEqual({ perUnit: "85", benchmark: null, graded: null });
    expect(gradeDeclaredUnit("85", { declaredUnitAmount: "1", declaredUnit: "piece" }, null)).toEqual({ perUnit: "85", benchmark: null, graded: null });
  });
});
