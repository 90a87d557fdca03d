import { describe, expect, it } from "vitest";

import { convertQuantity, normalizeUnit, UNIT_CODES, unitDimension, UNITS } from "@/lib/calc/units";

function converted(value: string, from: string, to: string): string {
  const result = convertQuantity(value, from, to);
  if (!result.ok) throw new Error(`expected ${from} → ${to} to convert, got ${result.reason}`);
  return result.value.toString();
}

describe("unit registry", () => {
  it("lists every canonical code once, for select boxes", () => {
    expect(new Set(UNIT_CODES).size).toBe(UNITS.length);
    expect(UNIT_CODES).toEqual(expect.arrayContaining(["kg", "kWh", "MJ", "t·km", "piece", "m2", "m3", "L", "km"]));
  });

  it("normalizes aliases and case to the canonical code", () => {
    expect(normalizeUnit("kWh")).toBe("kWh");
    expect(normalizeUnit(" KWH ")).toBe("kWh");
    expect(normalizeUnit("tkm")).toBe("t·km");
    expect(normalizeUnit("t*km")).toBe("t·km");
    expect(normalizeUnit("kgkm")).toBe("kg·km");
    expect(normalizeUnit("kg*km")).toBe("kg·km");
    expect(normalizeUnit("pcs")).toBe("piece");
    expect(normalizeUnit("l")).toBe("L");
  });

  it("tells a unit's dimension", () => {
    expect(unitDimension("tkm")).toBe("transport");
    expect(unitDimension("GJ")).toBe("energy");
    expect(unitDimension("acre")).toBeNull();
  });

  it("returns null for an unknown unit", () => {
    expect(normalizeUnit("furlong")).toBeNull();
    expect(normalizeUnit("")).toBeNull();
  });
});

describe("convertQuantity", () => {
  it("converts mass", () => {
    expect(converted("1500", "g", "kg")).toBe("1.5");
    expect(converted("2.5", "t", "kg")).toBe("2500");
    expect(converted("1", "g", "t")).toBe("0.000001");
  });

  it("converts energy, with 1 kWh = 3.6 MJ", () => {
    expect(converted("1", "kWh", "MJ")).toBe("3.6");
    expect(converted("1", "GJ", "MJ")).toBe("1000");
    expect(converted("1", "MWh", "kWh")).toBe("1000");
    expect(converted("1", "GWh", "MWh")).toBe("1000");
    expect(converted("1000", "Wh", "kWh")).toBe("1");
    expect(converted("7.2", "MJ", "kWh")).toBe("2");
    expect(converted("1", "GWh", "GJ")).toBe("3600");
  });

  it("keeps full precision where a conversion does not terminate", () => {
    expect(converted("1", "MJ", "kWh")).toBe("0.2777777777777777777777777777777777777778");
  });

  it("converts volume, transport, distance, count, area and power", () => {
    expect(converted("1", "m3", "L")).toBe("1000");
    expect(converted("500", "kg·km", "t·km")).toBe("0.5");
    expect(converted("2", "tkm", "kgkm")).toBe("2000");
    expect(converted("12.5", "km", "km")).toBe("12.5");
    expect(converted("3", "pcs", "piece")).toBe("3");
    expect(converted("4", "m2", "m2")).toBe("4");
    expect(converted("1", "MW", "kW")).toBe("1000");
  });

  it("refuses to convert across dimensions", () => {
    expect(convertQuantity("1", "kWh", "kg")).toEqual({ ok: false, reason: "dimension_mismatch", from: "kWh", to: "kg" });
    expect(convertQuantity("1", "t", "t·km")).toMatchObject({ ok: false, reason: "dimension_mismatch" });
  });

  it("reports an unknown unit on either side", () => {
    expect(convertQuantity("1", "barrel", "L")).toEqual({ ok: false, reason: "unknown_unit", from: "barrel", to: "L" });
    expect(convertQuantity("1", "kg", "lb")).toMatchObject({ ok: false, reason: "unknown_unit" });
  });
});
