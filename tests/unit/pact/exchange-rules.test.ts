import { describe, expect, it } from "vitest";
import { deliveryDeadline, nextAttemptAfterFailure, retryDelaySeconds } from "@/lib/pact/delivery-schedule";
import { geographiesContaining, subdivisionOf } from "@/lib/pact/geography";
import { parsePactEvent, requestCreatedEvent } from "@/lib/pact/events";
import { normalizePartnerBaseUrl, partnerFootprintUrl, sourceBelongsTo } from "@/lib/pact/partner-url";
import { massPerDeclaredUnit, pactDeclaredUnit } from "@/lib/pact/units";
import { parseDeliveryError } from "@/lib/pact/vocabulary";

describe("partner base URLs", () => {
  it("keep HTTPS hosts only, normalized", () => {
    expect(normalizePartnerBaseUrl(" https://PACT.Example.com:443/api/pact/ ")).toBe("https://pact.example.com/api/pact");
    expect(normalizePartnerBaseUrl("https://localhost:8443")).toBe("https://localhost:8443");
    for (const refused of ["http://pact.example.com", "https://user:pw@pact.example.com", "https://pact.example.com/?a=1", "https://pact.example.com/#x", "pact.example.com", "ftp://x"]) {
      expect(normalizePartnerBaseUrl(refused), refused).toBeNull();
    }
  });

  it("own the event sources under them (same origin, same or deeper path), read scheme-relative as https", () => {
    expect(sourceBelongsTo("https://partner.example.com", "https://partner.example.com")).toBe(true);
    expect(sourceBelongsTo("//partner.example.com/3/events", "https://partner.example.com")).toBe(true);
    expect(sourceBelongsTo("https://partner.example.com/pact/3/events", "https://partner.example.com/pact")).toBe(true);
    expect(sourceBelongsTo("https://partner.example.com/pactx", "https://partner.example.com/pact")).toBe(false);
    expect(sourceBelongsTo("http://partner.example.com", "https://partner.example.com")).toBe(false);
    expect(sourceBelongsTo("https://partner.example.com.evil.test", "https://partner.example.com")).toBe(false);
    expect(sourceBelongsTo("not a url", "https://partner.example.com")).toBe(false);
  });
});

describe("footprint addresses at a partner's host", () => {
  const base = "https://partner.example.com/pact";
  const id = "3a6c14a7-4deb-498a-b5ea-16ce2535b576";

  it("are {base}/3/footprints/{id}, from the id or from exactly that URL", () => {
    expect(partnerFootprintUrl(base, id)).toBe(`${base}/3/footprints/${id}`);
    expect(partnerFootprintUrl(base, ` ${id.toUpperCase()} `)).toBe(`${base}/3/footprints/${id}`);
    expect(partnerFootprintUrl(base, `https://PARTNER.example.com:443/pact/3/footprints/${id}`)).toBe(`${base}/3/footprints/${id}`);
  });

  it("are never another address: other hosts, schemes, paths, credentials, queries or fragments are refused", () => {
    for (const refused of [
      `https://partner.example.com.evil.test/pact/3/footprints/${id}`,
      `http://partner.example.com/pact/3/footprints/${id}`,
      `https://partner.example.com/3/footprints/${id}`,
      `https://partner.example.com/pact/3/footprints/${id}/extra`,
      `https://partner.example.com/pact/../3/footprints/${id}`,
      `https://user:pw@partner.example.com/pact/3/footprints/${id}`,
      `https://partner.example.com/pact/3/footprints/${id}?x=1`,
      `https://partner.example.com/pact/3/footprints/${id}#x`,
      `https://partner.example.com:8443/pact/3/footprints/${id}`,
      "https://partner.example.com/pact/3/footprints/not-an-id",
      "urn:pact:x",
      "",
    ]) {
      expect(partnerFootprintUrl(base, refused), refused).toBeNull();
    }
  });
});

describe("an outgoing RequestCreatedEvent", () => {
  const context = { id: "request-1", baseUrl: "https://carbonlabel.example.cn", time: new Date("2026-12-01T08:00:00Z") };
  const request = { productName: "LFP cell", productModel: null, partNumber: null, declaredUnit: "piece", quantityContext: "12 000 a year", dueOn: "2026-12-20", message: "Thanks" };

  it("names the product by URN (as given, or wrapped in ours) and carries the rest in the comment, and parses as a PACT request", () => {
    const withNumber = requestCreatedEvent(context, { ...request, partNumber: "urn:gtin:4712345060507", productModel: "C-280 Ah" });
    expect(withNumber).toMatchObject({ specversion: "1.0", id: "request-1", source: "https://carbonlabel.example.cn/3/events", type: "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3" });
    expect(withNumber.data.productId).toEqual(["urn:gtin:4712345060507", "urn:carbonlabel:product:C-280%20Ah"]);
    const byName = requestCreatedEvent(context, request);
    expect(byName.data.productId).toEqual(["urn:carbonlabel:product:LFP%20cell"]);
    expect(byName.data.comment).toBe("Product: LFP cell\nDeclared unit: piece\nQuantity: 12 000 a year\nDue: 2026-12-20\nThanks");
    expect(parsePactEvent(byName)).toMatchObject({ ok: true, event: { kind: "requestCreated", id: "request-1" } });
  });
});

describe("reply delivery schedule", () => {
  it("backs off exponentially from 30 seconds to at most an hour", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 1920, 3600, 3600]);
  });

  it("gives up once the next attempt would fall after 72 hours", () => {
    const created = new Date("2026-03-15T00:00:00Z");
    const deadline = deliveryDeadline(created);
    expect(deadline).toEqual(new Date("2026-03-18T00:00:00Z"));
    expect(nextAttemptAfterFailure(created, 1, deadline)).toEqual(new Date("2026-03-15T00:00:30Z"));
    expect(nextAttemptAfterFailure(new Date("2026-03-17T23:30:00Z"), 40, deadline)).toBeNull();
  });
});

describe("PACT units and geography", () => {
  it("map the platform's declared units onto PACT's, converting amounts exactly", () => {
    expect(pactDeclaredUnit("2.5", "t")).toEqual({ unit: "kilogram", amount: "2500" });
    expect(pactDeclaredUnit("1", "kWh")).toEqual({ unit: "kilowatt hour", amount: "1" });
    expect(pactDeclaredUnit("3", "GJ")).toEqual({ unit: "megajoule", amount: "3000" });
    expect(pactDeclaredUnit("500", "kg·km")).toEqual({ unit: "ton kilometer", amount: "0.5" });
    expect(pactDeclaredUnit("1", "m3")).toEqual({ unit: "cubic meter", amount: "1" });
    expect(pactDeclaredUnit("1", "kW")).toBeNull();
    expect(pactDeclaredUnit("1", "km")).toBeNull();
  });

  it("need a declared mass only where the unit does not give one", () => {
    expect(massPerDeclaredUnit("1", "piece", "1.45")).toBe("1.45");
    expect(massPerDeclaredUnit("1", "piece", null)).toBeNull();
    expect(massPerDeclaredUnit("2", "t", null)).toBe("2000");
    expect(massPerDeclaredUnit("1", "kWh", null)).toBe("0");
    expect(massPerDeclaredUnit("1", "L", null)).toBeNull();
  });

  it("name the province as an ISO 3166-2 subdivision within China, Eastern Asia and Asia", () => {
    expect(subdivisionOf("500000")).toBe("CN-CQ");
    expect(subdivisionOf("440000")).toBe("CN-GD");
    expect(subdivisionOf("500112")).toBeNull();
    expect(geographiesContaining("CN-CQ")).toEqual(["CN-CQ", "CN", "Eastern Asia", "Asia"]);
  });

  it("read stored delivery errors back as kind and detail", () => {
    expect(parseDeliveryError("token:401")).toEqual({ kind: "token", detail: "401" });
    expect(parseDeliveryError("network:ECONNREFUSED")).toEqual({ kind: "network", detail: "ECONNREFUSED" });
    expect(parseDeliveryError("timeout")).toEqual({ kind: "timeout", detail: "" });
    expect(parseDeliveryError("something else")).toEqual({ kind: "unknown", detail: "" });
  });
});
