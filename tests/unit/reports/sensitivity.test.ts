import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/calc/decimal";
import { hotspotSensitivity } from "@/lib/calc/sensitivity";
import { calculationInputOf } from "@/lib/rules/study-report";
import { inventoryFixture } from "./fixtures";

describe("hotspot sensitivity", () => {
  const inventory = inventoryFixture();
  const base = inventory.calculation;
  const cases = hotspotSensitivity(calculationInputOf(inventory), base);

  it("varies each of the three largest hotspots by +10 % and −10 %", () => {
    expect(cases.map((item) => [item.lineId, item.variation])).toEqual(
      base.hotspots.slice(0, 3).flatMap((hotspot) => [
        [hotspot.lineId, "0.1"],
        [hotspot.lineId, "-0.1"],
      ]),
    );
  });

  it("moves the result by the line's share of it times the variation (emissions are linear in quantity)", () => {
    for (const item of cases) {
      const share = new Decimal(base.lines.find((line) => line.lineId === item.lineId)!.share);
      expect(new Decimal(item.change).toDecimalPlaces(20).equals(share.times(item.variation).toDecimalPlaces(20))).toBe(true);
      const expected = new Decimal(base.result).times(new Decimal(1).plus(item.change));
      expect(new Decimal(item.result).toDecimalPlaces(20).equals(expected.toDecimalPlaces(20))).toBe(true);
    }
  });

  it("leaves the inventory itself untouched", () => {
    expect(inventoryFixture().lines).toEqual(inventory.lines);
  });

  it("has fewer cases when fewer lines carry emissions", () => {
    const few = hotspotSensitivity(calculationInputOf(inventory), { ...base, hotspots: base.hotspots.slice(0, 1) });
    expect(few).toHaveLength(2);
  });
});
