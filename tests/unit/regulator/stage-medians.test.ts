import { describe, expect, it } from "vitest";
import { categoryStageMedians, medianOfMiddles, type StageMiddleRow } from "@/lib/regulator/stage-medians";

describe("medianOfMiddles", () => {
  it("is the value itself for an odd count (both middles the same)", () => {
    expect(medianOfMiddles("412.5", "412.5")).toBe("412.5");
  });

  it("is the exact mean of the two middles for an even count", () => {
    expect(medianOfMiddles("280", "300")).toBe("290");
    expect(medianOfMiddles("0.1", "0.2")).toBe("0.15");
    expect(medianOfMiddles("1", "2")).toBe("1.5");
    expect(medianOfMiddles("-3", "1")).toBe("-1");
  });

  it("keeps every digit of long numeric values", () => {
    expect(medianOfMiddles("123456789012.000000001", "123456789012.000000003")).toBe("123456789012.000000002");
  });

  it("refuses what is not a decimal or middles out of order", () => {
    expect(() => medianOfMiddles("NaN", "1")).toThrow();
    expect(() => medianOfMiddles("5", "4")).toThrow();
  });
});

describe("categoryStageMedians", () => {
  const row = (categoryId: string, stage: StageMiddleRow["stage"], certificates: number, lowerMiddle: string, upperMiddle = lowerMiddle): StageMiddleRow => ({
    categoryId,
    stage,
    certificates,
    lowerMiddle,
    upperMiddle,
  });

  it("gives one row per category in id order, every stage present, null where there is no data", () => {
    const result = categoryStageMedians([
      row("laptop", "production", 4, "100", "120"),
      row("cement", "raw_material", 1, "700"),
      row("laptop", "raw_material", 3, "55"),
    ]);
    expect(result).toEqual([
      { categoryId: "cement", stages: { raw_material: { median: "700", certificates: 1 }, production: null, distribution: null, use: null, end_of_life: null } },
      {
        categoryId: "laptop",
        stages: {
          raw_material: { median: "55", certificates: 3 },
          production: { median: "110", certificates: 4 },
          distribution: null,
          use: null,
          end_of_life: null,
        },
      },
    ]);
  });

  it("is empty without certificates", () => {
    expect(categoryStageMedians([])).toEqual([]);
  });
});
