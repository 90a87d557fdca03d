import { describe, expect, it } from "vitest";
import { footprintShift, recalculationRecommended } from "@/lib/regulator/factor-impact";

describe("footprintShift", () => {
  const base = { productionVolume: "1000", footprint: "100" };

  it("scales only the lines that used the factor", () => {
    // 50,000 kWh × 0.5 kg = 25,000 kg over 1,000 units = 25 kg/unit of a 100 kg footprint; +20 % factor → +5 kg = +5 %.
    const shift = footprintShift({
      ...base,
      lines: [{ quantity: "50000", unit: "kWh", allocationShare: "1" }],
      previous: { value: "0.5", unit: "kWh" },
      next: { value: "0.6", unit: "kWh" },
    });
    expect(shift?.toFixed(4)).toBe("0.0500");
    expect(recalculationRecommended(shift)).toBe(false);
  });

  it("converts units between versions and lines, and applies allocation", () => {
    // Line in MWh, old factor per kWh, new per MWh: 100 MWh × 0.4 allocation × (800 − 500) kg/MWh = 12,000 kg → 12 kg/unit = +12 %.
    const shift = footprintShift({
      ...base,
      lines: [{ quantity: "100", unit: "MWh", allocationShare: "0.4" }],
      previous: { value: "0.5", unit: "kWh" },
      next: { value: "800", unit: "MWh" },
    });
    expect(shift?.toFixed(4)).toBe("0.1200");
    expect(recalculationRecommended(shift)).toBe(true);
  });

  it("flags large decreases too, and gives null for incompatible units", () => {
    const decrease = footprintShift({
      ...base,
      lines: [{ quantity: "100000", unit: "kWh", allocationShare: "1" }],
      previous: { value: "0.5", unit: "kWh" },
      next: { value: "0.3", unit: "kWh" },
    });
    expect(decrease?.toFixed(2)).toBe("-0.20");
    expect(recalculationRecommended(decrease)).toBe(true);
    const incompatible = footprintShift({
      ...base,
      lines: [{ quantity: "1", unit: "kg", allocationShare: "1" }],
      previous: { value: "1", unit: "kWh" },
      next: { value: "2", unit: "kWh" },
    });
    expect(incompatible).toBeNull();
    expect(recalculationRecommended(incompatible)).toBe(false);
  });
});
