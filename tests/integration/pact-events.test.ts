/**
 * PACT Action Events: a partner's footprint request is accepted at once, answered asynchronously
 * with a RequestFulfilledEvent (or a RequestRejectedEvent when nothing matches) that a test PACT
 * host on loopback receives over HTTPS after authenticating; failed deliveries are retried with
 * backoff and given up after 72 hours; unregistered sources and malformed events are refused.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, footprintRequests, pactEventDeliveries, pactPartners } from "@/db/schema";
import { getInboxPage } from "@/lib/dal/pact/enterprise";
import { claimDueDeliveries } from "@/lib/domain/pact-events/claim-due-deliveries";
import { recordDeliveryOutcome } from "@/lib/domain/pact-events/record-delivery-outcome";
import { removePartner } from "@/lib/domain/pact-partners/remove-partner";
import { executeOperation } from "@/lib/domain/operation";
import { ForbiddenError } from "@/lib/errors";
import { sealSecret } from "@/lib/keys/key-encryption";
import { deliverDuePactEvents } from "@/lib/pact-delivery/deliver";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { productFootprintProblems } from "@/lib/pact/validate";
import { PACT_EVENT_TYPES } from "@/lib/pact/vocabulary";
import { actorFor } from "../support/certificate-fixtures";
import { createUser } from "../support/factories";
import { startTestPactHost, type TestPactHost } from "../support/pact-host";
import { createPublishedCertificate, pactToken, registerPartnerFor, requestCreatedEvent, sendEvent } from "../support/pact";

let host: TestPactHost;

beforeAll(async () => {
  host = await startTestPactHost();
});

afterAll(async () => {
  await host.close();
});

/** Runs delivery rounds (as the platform's runner does) until the host has the reply to `requestEventId`. */
async function deliveredReplyTo(requestEventId: string) {
  for (let round = 0; round < 5; round++) {
    await deliverDuePactEvents({ agent: host.agent! });
    const reply = host.events.find((event) => event.body.data.requestEventId === requestEventId);
    if (reply) return reply;
  }
  throw new Error(`no reply to ${requestEventId} reached the test host`);
}

async function requestRow(eventId: string) {
  const [row] = await db.select().from(footprintRequests).where(eq(footprintRequests.eventId, eventId));
  return row;
}

async function deliveryOf(requestId: string) {
  const [row] = await db.select().from(pactEventDeliveries).where(eq(pactEventDeliveries.requestId, requestId));
  return row;
}

async function partnerSetup() {
  const setup = await createPublishedCertificate();
  const partnerId = await registerPartnerFor(setup.enterpriseUser, host.baseUrl!);
  const { token, client } = await pactToken(setup.enterpriseUser);
  const document = setup.footprint.document as ProductFootprint;
  return { ...setup, partnerId, token, client, document };
}

describe("a RequestCreatedEvent from a registered partner", () => {
  it("is accepted with 200 and an empty body, then fulfilled at the partner's host with the matching footprints", async () => {
    const { token, client, document, partnerId, enterprise } = await partnerSetup();
    const request = requestCreatedEvent(`${host.baseUrl}/3/events`, { productId: [document.productIds[0]], comment: "Please send PCF data for this year." });
    const response = await sendEvent(token, request);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");

    const row = await requestRow(request.id);
    expect(row).toMatchObject({ organizationId: enterprise.id, partnerId, apiClientId: client.clientId, outcome: "fulfilled", matchedFootprintIds: [document.id] });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "footprintRequest.receive"), eq(auditEvents.entityId, row.id))).orderBy(auditEvents.id);
    expect(audit).toMatchObject({ actorApiClientId: client.clientId, subjectOrganizationId: enterprise.id });

    const reply = await deliveredReplyTo(request.id);
    expect(reply.path).toBe("/3/events");
    expect(reply.contentType).toContain("application/cloudevents+json");
    expect(reply.body).toMatchObject({
      specversion: "1.0",
      type: PACT_EVENT_TYPES.requestFulfilled,
      source: "http://localhost:3000/3/events",
      data: { requestEventId: request.id },
    });
    const pfs = reply.body.data.pfs as ProductFootprint[];
    expect(pfs.map((footprint) => footprint.id)).toEqual([document.id]);
    for (const footprint of pfs) expect(productFootprintProblems(footprint)).toEqual([]);

    const delivery = await deliveryOf(row.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
    const [delivered] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "pactEvent.deliver"), eq(auditEvents.entityId, delivery.id))).orderBy(auditEvents.id);
    expect(delivered).toMatchObject({ subjectOrganizationId: enterprise.id, actorRole: null });
  });

  it("is rejected at the partner's host with an error code and message when no footprint matches (urn:pact:null), and waits in the inbox", async () => {
    const { token, enterpriseUser } = await partnerSetup();
    const request = requestCreatedEvent(host.baseUrl!, { productId: ["urn:pact:null"] });
    expect((await sendEvent(token, request)).status).toBe(200);
    expect(await requestRow(request.id)).toMatchObject({ outcome: "rejected", matchedFootprintIds: [] });

    const reply = await deliveredReplyTo(request.id);
    expect(reply.body).toMatchObject({
      type: PACT_EVENT_TYPES.requestRejected,
      data: { requestEventId: request.id, error: { code: "NotFound", message: expect.any(String) } },
    });

    const inbox = await getInboxPage(await actorFor(enterpriseUser), "unfulfilled");
    expect(inbox.requests).toEqual([
      expect.objectContaining({ eventId: request.id, outcome: "rejected", criteria: [{ criterion: "productId", values: ["urn:pact:null"] }], reply: expect.objectContaining({ status: "delivered" }) }),
    ]);
    // Another enterprise's inbox shows none of it.
    const other = await getInboxPage(await actorFor(await createUser("enterprise")), "all");
    expect(other.requests).toEqual([]);
  });

  it("is answered once when the sender sends the same event again", async () => {
    const { token, document } = await partnerSetup();
    const request = requestCreatedEvent(host.baseUrl!, { productId: document.productIds });
    expect((await sendEvent(token, request)).status).toBe(200);
    expect((await sendEvent(token, request)).status).toBe(200);
    const rows = await db.select().from(footprintRequests).where(eq(footprintRequests.eventId, request.id));
    expect(rows).toHaveLength(1);
    expect(await db.select().from(pactEventDeliveries).where(eq(pactEventDeliveries.requestId, rows[0].id))).toHaveLength(1);
  });
});

describe("requests the platform cannot answer", () => {
  it("refuses (403 AccessDenied) a source no partner of the organization was registered for, and stores nothing", async () => {
    const { token, document, enterpriseUser } = await partnerSetup();
    for (const source of ["https://attacker.example.com/3/events", "http://localhost/3/events", host.baseUrl!.replace("https://", "http://")]) {
      const request = requestCreatedEvent(source, { productId: document.productIds });
      const response = await sendEvent(token, request);
      expect(response.status, source).toBe(403);
      expect(await response.json()).toMatchObject({ code: "AccessDenied", message: expect.any(String) });
      expect(await requestRow(request.id)).toBeUndefined();
    }
    // A partner of another organization does not count either.
    const stranger = await createPublishedCertificate();
    const strangerToken = (await pactToken(stranger.enterpriseUser)).token;
    expect((await sendEvent(strangerToken, requestCreatedEvent(host.baseUrl!, { productId: document.productIds }))).status).toBe(403);
    expect((await getInboxPage(await actorFor(enterpriseUser), "all")).requests).toEqual([]);
  });

  it("stops accepting a partner's requests once it is removed, and gives up its waiting replies", async () => {
    const { token, document, enterpriseUser, partnerId } = await partnerSetup();
    host.answerEventsWith(503);
    const waiting = requestCreatedEvent(host.baseUrl!, { productId: document.productIds });
    await sendEvent(token, waiting);
    await deliverDuePactEvents({ agent: host.agent! });
    host.answerEventsWith(200);
    const removed = await executeOperation(removePartner, await actorFor(enterpriseUser), { partnerId });
    expect(removed).toMatchObject({ ok: true });
    expect(await deliveryOf((await requestRow(waiting.id)).id)).toMatchObject({ status: "abandoned", lastError: "removed" });
    expect((await sendEvent(token, requestCreatedEvent(host.baseUrl!, { productId: document.productIds }))).status).toBe(403);
  });

  it("refuses malformed events with 400 BadRequest", async () => {
    const { token } = await partnerSetup();
    const valid = requestCreatedEvent(host.baseUrl!, { productId: ["urn:pact:x"] });
    const cases: [unknown, string?][] = [
      [{ ...valid, specversion: "0.3" }],
      [{ ...valid, type: "org.example.Unknown" }],
      [{ ...valid, data: { comment: "no criterion" } }],
      [{ ...valid, time: undefined }],
      [valid, "application/json"],
    ];
    for (const [event, contentType] of cases) {
      const response = await sendEvent(token, event, contentType);
      expect(response.status, JSON.stringify(event)).toBe(400);
      expect(await response.json()).toMatchObject({ code: "BadRequest", message: expect.any(String) });
    }
  });
});

describe("other PACT events", () => {
  const envelope = () => ({ specversion: "1.0", id: crypto.randomUUID(), source: "https://partner.example.com", time: new Date().toISOString() });

  it("accepts a PublishedEvent naming unknown footprints, and refuses one whose pfIds are not UUIDs", async () => {
    const { token } = await partnerSetup();
    const published = { ...envelope(), type: PACT_EVENT_TYPES.published };
    expect((await sendEvent(token, { ...published, data: { pfIds: ["3a6c14a7-4deb-498a-b5ea-16ce2535b576"] } })).status).toBe(200);
    const refused = await sendEvent(token, { ...published, data: { pfIds: ["urn:gtin:4712345060507"] } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "BadRequest" });
  });

  it("refuses replies naming no request the organization sent to that source (404), from an unregistered source (403), or malformed (400)", async () => {
    const { token, document } = await partnerSetup();
    const fulfilled = { ...envelope(), source: `${host.baseUrl}/3/events`, type: PACT_EVENT_TYPES.requestFulfilled };
    expect((await sendEvent(token, { ...fulfilled, data: { requestEventId: "r-1", pfs: [document] } })).status).toBe(404);
    expect((await sendEvent(token, { ...fulfilled, source: "https://partner.example.com", data: { requestEventId: "r-1", pfs: [document] } })).status).toBe(403);
    expect((await sendEvent(token, { ...fulfilled, data: { requestEventId: "r-1", pfs: [] } })).status).toBe(400);
    const rejected = { ...envelope(), source: `${host.baseUrl}/3/events`, type: PACT_EVENT_TYPES.requestRejected, data: { requestEventId: "r-2", error: { code: "NotFound", message: "none" } } };
    expect((await sendEvent(token, rejected)).status).toBe(404);
  });

  it("refuses an invalid token (401) and a client without the footprints scope (403)", async () => {
    const { enterpriseUser } = await partnerSetup();
    const event = { ...envelope(), type: PACT_EVENT_TYPES.published, data: { pfIds: [crypto.randomUUID()] } };
    const invalid = await sendEvent("very-invalid-access-token", event);
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toMatchObject({ code: "BadRequest" });
    const { token } = await pactToken(enterpriseUser, { scopes: ["applications:read"] });
    expect((await sendEvent(token, event)).status).toBe(403);
  });
});

describe("delivery to the partner's host", () => {
  it("retries a failed attempt after a backoff, recording why, and delivers once the host answers", async () => {
    const { token, document } = await partnerSetup();
    host.answerEventsWith(503);
    const request = requestCreatedEvent(host.baseUrl!, { productId: document.productIds });
    await sendEvent(token, request);
    const started = Date.now();
    await deliverDuePactEvents({ agent: host.agent! });
    const row = await requestRow(request.id);
    const failed = await deliveryOf(row.id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "event:503" });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(started + 29_000);

    host.answerEventsWith(200);
    // The retry comes due.
    await db.update(pactEventDeliveries).set({ nextAttemptAt: new Date() }).where(eq(pactEventDeliveries.id, failed.id));
    await deliveredReplyTo(request.id);
    expect(await deliveryOf(row.id)).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
  });

  it("names a refused token (wrong outbound credentials) and gives up once 72 hours have passed", async () => {
    const { token, document, enterpriseUser } = await partnerSetup();
    const otherPartner = await registerPartnerFor(enterpriseUser, `${host.baseUrl}/wrong-credentials`, "Misconfigured host");
    // Its stored secret is not the one the host issued.
    await db.update(pactPartners).set({ sealedClientSecret: sealSecret(Buffer.from("wrong"), `pact-partner:${otherPartner}`) }).where(eq(pactPartners.id, otherPartner));
    const request = requestCreatedEvent(`${host.baseUrl}/wrong-credentials/3/events`, { productId: document.productIds });
    expect((await sendEvent(token, request)).status).toBe(200);
    const row = await requestRow(request.id);
    expect(row.partnerId).toBe(otherPartner);

    // The 72 hours are nearly over.
    await db.update(pactEventDeliveries).set({ deliverUntil: new Date(Date.now() + 5_000) }).where(eq(pactEventDeliveries.requestId, row.id));
    await deliverDuePactEvents({ agent: host.agent! });
    const abandoned = await deliveryOf(row.id);
    expect(abandoned).toMatchObject({ status: "abandoned", attempts: 1, lastError: "token:401" });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "pactEvent.abandon"), eq(auditEvents.entityId, abandoned.id))).orderBy(auditEvents.id);
    expect(audit.data).toMatchObject({ error: "token:401", attempts: 1 });
    const inbox = await getInboxPage(await actorFor(enterpriseUser), "unfulfilled");
    expect(inbox.requests.map((entry) => [entry.eventId, entry.outcome, entry.reply.status])).toContainEqual([request.id, "fulfilled", "abandoned"]);
  });

  it("is the platform's job alone: people cannot claim or settle deliveries", async () => {
    for (const role of ["enterprise", "reviewer", "admin"] as const) {
      const actor = await actorFor(await createUser(role));
      expect(await executeOperation(claimDueDeliveries, actor, { limit: 1, leaseSeconds: 60 })).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
      expect(await executeOperation(recordDeliveryOutcome, actor, { deliveryId: crypto.randomUUID(), attempt: 1, delivered: true })).toMatchObject({
        ok: false,
        error: expect.any(ForbiddenError),
      });
    }
  });
});
