import { describe, expect, it } from "vitest";
import { buildFilter, filterFromQuery, hasCriteria, parseInstant } from "@/lib/pact/filters";

describe("the ListFootprints filter", () => {
  it("ORs the values of one criterion, matches identifiers without regard to case, and reads parameter names likewise", () => {
    const filter = filterFromQuery(new URLSearchParams("productId=URN:X&productid=urn:y&geography=DE&Geography=fr&limit=5&x-acme-invoice=1"));
    expect(filter).toMatchObject({ productIds: ["urn:x", "urn:y"], geographies: ["de", "fr"], matchesNothing: false });
    expect(filter.companyIds).toBeUndefined();
  });

  it("turns a criterion whose every value is malformed or unknown into one that matches nothing", () => {
    expect(filterFromQuery(new URLSearchParams("status=Bogus")).matchesNothing).toBe(true);
    expect(filterFromQuery(new URLSearchParams("validOn=yesterday")).matchesNothing).toBe(true);
    expect(filterFromQuery(new URLSearchParams("validBefore=2025-02-30T00:00:00Z")).matchesNothing).toBe(true);
    // One usable value is enough: the others are simply alternatives that match nothing.
    const mixed = filterFromQuery(new URLSearchParams("status=active&status=Bogus&validAfter=2025-13-01&validAfter=2025-01-01T00:00:00Z"));
    expect(mixed).toMatchObject({ statuses: ["Active"], validAfter: [new Date("2025-01-01T00:00:00Z")], matchesNothing: false });
  });

  it("ignores empty values, and says whether any criterion was given", () => {
    expect(hasCriteria(filterFromQuery(new URLSearchParams("productId=&limit=1")))).toBe(false);
    expect(hasCriteria(buildFilter({ status: ["Deprecated"] }))).toBe(true);
    expect(hasCriteria(buildFilter({ status: ["nope"] }))).toBe(true);
  });
});

describe("instants in filters", () => {
  it("reads ISO 8601 dates and date-times with or without seconds and zone", () => {
    expect(parseInstant("2025-04-01T00:00Z")).toEqual(new Date("2025-04-01T00:00:00Z"));
    expect(parseInstant("2025-04-01")).toEqual(new Date("2025-04-01T00:00:00Z"));
    expect(parseInstant("2025-04-01T08:00:00+08:00")).toEqual(new Date("2025-04-01T00:00:00Z"));
    expect(parseInstant("2025-04-01T00:00:00.125Z")).toEqual(new Date("2025-04-01T00:00:00.125Z"));
    expect(parseInstant("2025-04-01T10:00:00")).toEqual(new Date("2025-04-01T10:00:00Z"));
    // An offset's "+" sent unencoded in a query string arrives as a space.
    expect(filterFromQuery(new URLSearchParams("validOn=2025-04-01T08:00:00+08:00")).validOn).toEqual([new Date("2025-04-01T00:00:00Z")]);
  });

  it("refuses impossible dates and other text", () => {
    for (const value of ["2025-02-29", "2025-04-31T00:00:00Z", "2025-04-01T24:00:00Z", "1 April 2025", "", "2025-04-01T00:00:00+25"]) {
      expect(parseInstant(value), value).toBeNull();
    }
  });
});
