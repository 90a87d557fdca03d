import { describe, expect, it } from "vitest";

import { formatDecimal, formatSignificant, formatSignificantFigures } from "@/lib/calc/format";

describe("formatSignificant", () => {
  it("rounds to three significant digits by default", () => {
    expect(formatSignificant("306.54")).toBe("307");
    expect(formatSignificant("0.0123456")).toBe("0.0123");
    expect(formatSignificant("2.3456")).toBe("2.35");
  });

  it("writes large and tiny values without exponent notation", () => {
    expect(formatSignificant("12345")).toBe("12300");
    expect(formatSignificant("123456789012345678901234")).toBe("123000000000000000000000");
    expect(formatSignificant("0.000000012345")).toBe("0.0000000123");
  });

  it("rounds halves away from zero, carrying into a new digit", () => {
    expect(formatSignificant("999.5")).toBe("1000");
    expect(formatSignificant("0.1235")).toBe("0.124");
    expect(formatSignificant("-0.1235")).toBe("-0.124");
  });

  it("drops trailing zeros and honours the digits argument", () => {
    expect(formatSignificant("2")).toBe("2");
    expect(formatSignificant("2.5000")).toBe("2.5");
    expect(formatSignificant("306.54", 4)).toBe("306.5");
    expect(formatSignificant("306.54", 1)).toBe("300");
  });

  it("prints zero as 0", () => {
    expect(formatSignificant("0")).toBe("0");
    expect(formatSignificant("-0.000")).toBe("0");
  });
});

describe("formatDecimal", () => {
  it("rounds to at most the given fraction digits", () => {
    expect(formatDecimal("2.33333", 2)).toBe("2.33");
    expect(formatDecimal("2.335", 2)).toBe("2.34");
    expect(formatDecimal("2.5", 0)).toBe("3");
    expect(formatDecimal("1234567.891", 1)).toBe("1234567.9");
  });

  it("drops trailing zeros and never prints -0", () => {
    expect(formatDecimal("2.500", 3)).toBe("2.5");
    expect(formatDecimal("-0.0004", 3)).toBe("0");
  });
});

describe("formatSignificantFigures", () => {
  it("keeps three significant digits, trailing zeros included, as a headline is read", () => {
    expect(formatSignificantFigures("11.9622")).toBe("12.0");
    expect(formatSignificantFigures("2")).toBe("2.00");
    expect(formatSignificantFigures("0.0123456")).toBe("0.0123");
    expect(formatSignificantFigures("0.1")).toBe("0.100");
    expect(formatSignificantFigures("-0.1235")).toBe("-0.124");
  });

  it("prints large values in plain notation and zero as 0", () => {
    expect(formatSignificantFigures("12345")).toBe("12300");
    expect(formatSignificantFigures("999.5")).toBe("1000");
    expect(formatSignificantFigures("306.54")).toBe("307");
    expect(formatSignificantFigures("0")).toBe("0");
  });
});
