import { describe, expect, it } from "vitest";
import { parsePactEvent, requestFulfilledEvent, requestRejectedEvent } from "@/lib/pact/events";
import { productFootprintProblems } from "@/lib/pact/validate";
import { buildProductFootprint } from "@/lib/pact/footprint";
import { footprintSource } from "./fixtures";

const envelope = { specversion: "1.0", id: "run-1/12", source: "https://partner.example.com", time: "2026-03-15T10:00:00Z" };

describe("incoming PACT events", () => {
  it("reads a RequestCreatedEvent's criteria, one value or several, into a filter", () => {
    const parsed = parsePactEvent({
      ...envelope,
      type: "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3",
      data: { productId: ["urn:pact:null"], geography: "CN", comment: "Please send PCF data for this year." },
    });
    expect(parsed).toMatchObject({ ok: true, event: { kind: "requestCreated", id: "run-1/12", filter: { productIds: ["urn:pact:null"], geographies: ["cn"] } } });
  });

  it("refuses a request that names no criterion, or gives one in the wrong shape", () => {
    expect(parsePactEvent({ ...envelope, type: "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", data: { comment: "anything" } })).toMatchObject({ ok: false });
    expect(parsePactEvent({ ...envelope, type: "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", data: { productId: 42 } })).toMatchObject({ ok: false });
  });

  it("accepts a PublishedEvent of UUIDs and refuses one whose pfIds are not UUIDs", () => {
    const published = { ...envelope, type: "org.wbcsd.pact.ProductFootprint.PublishedEvent.3" };
    expect(parsePactEvent({ ...published, data: { pfIds: ["3a6c14a7-4deb-498a-b5ea-16ce2535b576"] } })).toMatchObject({ ok: true, event: { kind: "published" } });
    expect(parsePactEvent({ ...published, data: { pfIds: ["urn:gtin:4712345060507"] } })).toMatchObject({ ok: false });
    expect(parsePactEvent({ ...published, data: {} })).toMatchObject({ ok: false });
  });

  it("refuses what is not a CloudEvents 1.0 PACT event", () => {
    expect(parsePactEvent({ ...envelope, specversion: "0.3", type: "org.wbcsd.pact.ProductFootprint.PublishedEvent.3", data: { pfIds: [] } })).toMatchObject({ ok: false });
    expect(parsePactEvent({ ...envelope, time: "soon", type: "org.wbcsd.pact.ProductFootprint.PublishedEvent.3", data: {} })).toMatchObject({ ok: false });
    expect(parsePactEvent({ ...envelope, type: "com.example.Other", data: {} })).toMatchObject({ ok: false, reason: 'Unsupported event type "com.example.Other".' });
    expect(parsePactEvent([])).toMatchObject({ ok: false });
  });

  it("reads replies to our requests: fulfilled with footprints, or rejected with an error", () => {
    expect(
      parsePactEvent({ ...envelope, type: "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3", data: { requestEventId: "r1", pfs: [{ id: "x" }] } }),
    ).toMatchObject({ ok: true, event: { kind: "requestFulfilled", requestEventId: "r1" } });
    expect(parsePactEvent({ ...envelope, type: "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3", data: { requestEventId: "r1", pfs: [] } })).toMatchObject({ ok: false });
    expect(
      parsePactEvent({ ...envelope, type: "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3", data: { requestEventId: "r1", error: { code: "NotFound", message: "none" } } }),
    ).toMatchObject({ ok: true, event: { kind: "requestRejected" } });
  });
});

describe("our replies", () => {
  const context = { id: "7c0f1f7e-2b0e-4e53-9d38-1d4f0f2a8b11", baseUrl: "https://carbonlabel.example.cn", requestEventId: "run-1/12", time: new Date("2026-03-15T10:00:01Z") };

  it("answer the request's event id from our /3/events, as CloudEvents 1.0", () => {
    const built = buildProductFootprint(footprintSource());
    if (!built.ok) throw new Error(built.gap);
    const fulfilled = requestFulfilledEvent(context, [built.footprint]);
    expect(fulfilled).toMatchObject({
      specversion: "1.0",
      id: context.id,
      source: "https://carbonlabel.example.cn/3/events",
      time: "2026-03-15T10:00:01.000Z",
      type: "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3",
      data: { requestEventId: "run-1/12" },
    });
    expect(productFootprintProblems((fulfilled.data.pfs as unknown[])[0])).toEqual([]);
    expect(requestRejectedEvent(context, { code: "NotFound", message: "No match." }).data).toEqual({ requestEventId: "run-1/12", error: { code: "NotFound", message: "No match." } });
  });
});
