import { describe, expect, it } from "vitest";
import {
  addYears,
  daysUntil,
  effectiveStatus,
  expiryDateFor,
  isSurveillanceOverdue,
  nextSurveillanceDue,
  todayInShanghai,
} from "@/lib/certificates/validity";

describe("expiry and surveillance dates", () => {
  it("expires two years after issue", () => {
    expect(expiryDateFor("2026-03-15")).toBe("2028-03-15");
    expect(expiryDateFor("2026-12-31")).toBe("2028-12-31");
  });

  it("moves a leap day to Feb 28 in a common year", () => {
    expect(expiryDateFor("2024-02-29")).toBe("2026-02-28");
    expect(nextSurveillanceDue("2024-02-29")).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("is due for surveillance one year after issue", () => {
    expect(nextSurveillanceDue("2026-03-15")).toBe("2027-03-15");
  });

  it("rejects malformed and impossible dates", () => {
    expect(() => expiryDateFor("2026-3-15")).toThrow(RangeError);
    expect(() => expiryDateFor("2026-02-30")).toThrow(RangeError);
    expect(() => expiryDateFor("2026-03-15T00:00:00Z")).toThrow(RangeError);
  });
});

describe("daysUntil", () => {
  it("counts calendar days across months, years and leap days", () => {
    expect(daysUntil("2026-03-15", "2026-03-15")).toBe(0);
    expect(daysUntil("2026-03-16", "2026-03-15")).toBe(1);
    expect(daysUntil("2026-03-14", "2026-03-15")).toBe(-1);
    expect(daysUntil("2025-01-01", "2024-01-01")).toBe(366);
    expect(daysUntil("2026-04-01", "2026-03-29")).toBe(3);
  });
});

describe("effectiveStatus", () => {
  const expiresOn = "2028-03-15";

  it("stays valid up to and including the expiry date", () => {
    expect(effectiveStatus("valid", expiresOn, "2028-03-15")).toBe("valid");
    expect(effectiveStatus("suspended", expiresOn, "2028-03-15")).toBe("suspended");
  });

  it("turns valid and suspended into expired the day after", () => {
    expect(effectiveStatus("valid", expiresOn, "2028-03-16")).toBe("expired");
    expect(effectiveStatus("suspended", expiresOn, "2029-01-01")).toBe("expired");
  });

  it("keeps withdrawn and stored expired as they are", () => {
    expect(effectiveStatus("withdrawn", expiresOn, "2028-03-16")).toBe("withdrawn");
    expect(effectiveStatus("withdrawn", expiresOn, "2027-01-01")).toBe("withdrawn");
    expect(effectiveStatus("expired", expiresOn, "2027-01-01")).toBe("expired");
  });
});

describe("isSurveillanceOverdue", () => {
  it("allows a 30-day grace period by default", () => {
    expect(isSurveillanceOverdue("2027-03-15", "2027-04-14")).toBe(false);
    expect(isSurveillanceOverdue("2027-03-15", "2027-04-15")).toBe(true);
  });

  it("takes a custom grace period", () => {
    expect(isSurveillanceOverdue("2027-03-15", "2027-03-15", 0)).toBe(false);
    expect(isSurveillanceOverdue("2027-03-15", "2027-03-16", 0)).toBe(true);
  });
});

describe("todayInShanghai", () => {
  it("uses the Shanghai calendar day whatever the server's time zone", () => {
    expect(todayInShanghai(new Date("2026-03-15T15:59:59Z"))).toBe("2026-03-15");
    expect(todayInShanghai(new Date("2026-03-15T16:00:00Z"))).toBe("2026-03-16");
    expect(todayInShanghai(new Date("2026-12-31T16:30:00Z"))).toBe("2027-01-01");
  });

  it("returns a date-only string for now", () => {
    expect(todayInShanghai()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
