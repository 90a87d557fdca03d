import { describe, expect, it } from "vitest";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import { gradeDistribution } from "@/lib/certificates/grade-preview";

describe("gradeDistribution (benchmark preview)", () => {
  it("places footprints in levels with the bounds inclusive, like issuance", () => {
    const benchmark = { value: "100", thresholds: DEFAULT_GRADE_THRESHOLDS };
    // 70 is exactly the level 1 bound; 70.0001 falls into level 2; 115 is the last bound; 200 is level 5.
    expect(gradeDistribution(["50", "70", "70.0001", "85", "99", "100", "115", "115.01", "200"], benchmark)).toEqual([2, 2, 2, 1, 2]);
  });

  it("moves certificates when a stricter benchmark is proposed", () => {
    const footprints = ["80", "90", "100", "110"];
    expect(gradeDistribution(footprints, { value: "100", thresholds: [0.7, 0.85, 1, 1.15] })).toEqual([0, 1, 2, 1, 0]);
    expect(gradeDistribution(footprints, { value: "80", thresholds: [0.7, 0.85, 1, 1.15] })).toEqual([0, 0, 1, 1, 2]);
  });

  it("has one more level than thresholds, and no certificate gives zeros", () => {
    expect(gradeDistribution([], { value: "10", thresholds: [1, 2] })).toEqual([0, 0, 0]);
  });
});
