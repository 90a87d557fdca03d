/**
 * Supply requests to a supplier outside the platform (issue 14, items 1 and 4): a request to a
 * registered PACT partner goes out as a RequestCreatedEvent through the delivery queue to the
 * partner's host (a test host on loopback, authenticated with the partner's outbound
 * credentials); the host answers asynchronously through our `POST /3/events` with a
 * RequestFulfilledEvent (the footprint validated against PACT, its credential checked, kept as
 * the requester's import, usable on a line like an on-platform answer) or a RequestRejectedEvent.
 * Unregistered sources, another organization's request and invalid footprints are refused.
 */
import { randomUUID } from "node:crypto";
import https from "node:https";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, importedFootprints, inventoryLines, notifications, pactEventDeliveries, supplyRequests } from "@/db/schema";
import { importPartnerFootprintAction } from "@/lib/actions/supply-requests/import-partner-footprint";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { getSupplyRequestsPage } from "@/lib/dal/supply/requests";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { executeOperation } from "@/lib/domain/operation";
import { cancelSupplyRequest } from "@/lib/domain/supply-requests/cancel-supply-request";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { importPartnerFootprint } from "@/lib/domain/supply-requests/import-partner-footprint";
import { NotFoundError } from "@/lib/errors";
import { parseMessageKey } from "@/lib/i18n/translate";
import { deliverDuePactEvents } from "@/lib/pact-delivery/deliver";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { PACT_EVENT_TYPES } from "@/lib/pact/vocabulary";
import { createSupplyRequestSchema, supplyFiltersSchema } from "@/lib/validation/schemas/supply";
import { actorFor } from "../support/certificate-fixtures";
import { withTemporaryDataDir } from "../support/evidence-files";
import { actAs, createApplication, createUser } from "../support/factories";
import { startTestPactHost, type ReceivedEvent, type TestPactHost } from "../support/pact-host";
import { createPublishedCertificate, pactToken, registerPartnerFor, sendEvent } from "../support/pact";

withTemporaryDataDir();

let host: TestPactHost;
/** How the partner's host answers a request, by the product id the request names. */
const plans = new Map<string, (event: ReceivedEvent) => Promise<void>>();

beforeAll(async () => {
  host = await startTestPactHost({
    answer: async (event) => {
      if (event.body.type !== PACT_EVENT_TYPES.requestCreated) return;
      const productIds = event.body.data.productId as string[];
      await plans.get(productIds[0])?.(event);
    },
  });
});

afterAll(async () => {
  await host.close();
  expect(host.answerFailures).toEqual([]);
});

function answerEvent(type: string, data: Record<string, unknown>, source = `${host.baseUrl}/3/events`) {
  return { specversion: "1.0", id: randomUUID(), source, time: new Date().toISOString(), type, data };
}

/** A real PACT footprint of another company (published by an issuance), under a new id. */
async function partnerDocument(): Promise<ProductFootprint> {
  const { footprint } = await createPublishedCertificate();
  return { ...(footprint.document as ProductFootprint), id: randomUUID() };
}

/** A customer with a draft line per piece, a partner at the test host, and the token the partner's host calls us with. */
async function customerWithPartner() {
  const customer = await createUser("enterprise");
  const actor = await actorFor(customer);
  const draft = await createApplication(customer.organizationId);
  const [line] = await db
    .insert(inventoryLines)
    .values({ applicationId: draft.id, stage: "raw_material", description: "Cells", quantity: "40", unit: "piece", source: "supplier_factor", supplierFactorValue: "1", supplierFactorUnit: "piece", supplierName: "Typed in" })
    .returning();
  const partnerId = await registerPartnerFor(customer, host.baseUrl!, "Cell maker");
  const { token } = await pactToken(customer);
  return { customer, actor, draft, line, partnerId, token };
}

async function requestTo(actor: Awaited<ReturnType<typeof actorFor>>, partnerId: string, partNumber: string) {
  const created = await executeOperation(
    createSupplyRequest,
    actor,
    createSupplyRequestSchema.parse({ supplier: `partner:${partnerId}`, productName: "LFP cell 280 Ah", partNumber, declaredUnit: "piece", dueOn: addDays(todayInShanghai(), 14), message: "For our 2026 battery pack." }),
  );
  if (!created.ok) throw created.error;
  const [row] = await db.select().from(supplyRequests).where(eq(supplyRequests.id, created.data.requestId));
  return row;
}

async function requestRow(id: string) {
  const [row] = await db.select().from(supplyRequests).where(eq(supplyRequests.id, id));
  return row;
}

/** Runs delivery rounds (as the platform's runner does) until the host has the request, then waits for the host's asynchronous answer to land. */
async function untilAnswered(request: { id: string; requestEventId: string | null }) {
  for (let round = 0; round < 5 && !host.events.some((event) => event.body.id === request.requestEventId); round++) {
    await deliverDuePactEvents({ agent: host.agent! });
  }
  for (let wait = 0; wait < 100; wait++) {
    const row = await requestRow(request.id);
    if (row.status !== "pending") return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the partner's answer did not arrive");
}

describe("a supply request to a PACT partner", () => {
  it("goes out as a RequestCreatedEvent, is fulfilled asynchronously by the partner's host, and prices a line like an on-platform answer", async () => {
    const { customer, actor, draft, line, partnerId, token } = await customerWithPartner();
    const document = await partnerDocument();
    const partNumber = `CELL-${randomUUID().slice(0, 8)}`;
    const statuses: number[] = [];
    const answers: ReturnType<typeof answerEvent>[] = [];
    plans.set(`urn:carbonlabel:product:${partNumber}`, async (event) => {
      const fulfilled = answerEvent(PACT_EVENT_TYPES.requestFulfilled, { requestEventId: event.body.id, pfs: [document] });
      answers.push(fulfilled);
      statuses.push((await sendEvent(token, fulfilled)).status);
    });

    const request = await requestTo(actor, partnerId, partNumber);
    expect(request).toMatchObject({ status: "pending", partnerId, requestEventId: expect.any(String), supplierOrganizationId: null });
    const [delivery] = await db.select().from(pactEventDeliveries).where(eq(pactEventDeliveries.supplyRequestId, request.id));
    expect(delivery).toMatchObject({ organizationId: customer.organizationId, partnerId, status: "pending", eventType: PACT_EVENT_TYPES.requestCreated });

    const answered = await untilAnswered(request);
    const sent = host.events.find((event) => event.body.id === request.requestEventId)!;
    expect(sent.path).toBe("/3/events");
    expect(sent.body).toMatchObject({
      specversion: "1.0",
      type: PACT_EVENT_TYPES.requestCreated,
      source: "http://localhost:3000/3/events",
      data: { productId: [`urn:carbonlabel:product:${partNumber}`], comment: expect.stringContaining("LFP cell 280 Ah") },
    });
    expect(sent.body.data.comment).toContain("For our 2026 battery pack.");
    expect((await db.select().from(pactEventDeliveries).where(eq(pactEventDeliveries.id, delivery.id)))[0]).toMatchObject({ status: "delivered", attempts: 1 });
    expect(statuses).toEqual([200]);

    expect(answered).toMatchObject({ status: "fulfilled", importedFootprintId: expect.any(String), sharedFootprint: null, version: 2 });
    const [imported] = await db.select().from(importedFootprints).where(eq(importedFootprints.id, answered.importedFootprintId!));
    // The footprint carries the certificate credential its body signed on this platform: verified.
    expect(imported).toMatchObject({ organizationId: customer.organizationId, footprintId: document.id, partnerId, credentialVerdict: "valid", fileName: `${host.baseUrl}/3/events` });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "supplyRequest.fulfil"), eq(auditEvents.entityId, request.id))).orderBy(auditEvents.id);
    expect(audit).toMatchObject({ subjectOrganizationId: customer.organizationId, actorApiClientId: expect.any(String) });
    const notified = await db.select().from(notifications).where(and(eq(notifications.organizationId, customer.organizationId), eq(notifications.kind, "supply.fulfilledByPartner")));
    expect(notified).toHaveLength(1);

    // The page offers the received footprint for the customer's lines of the same kind.
    const page = await getSupplyRequestsPage(actor, supplyFiltersSchema.parse({}));
    const row = page.requests.find((entry) => entry.id === request.id)!;
    expect(row).toMatchObject({ viaPartner: true, status: "fulfilled", partnerFootprint: { footprintId: document.id, selfDeclared: false, credentialVerdict: "valid" } });
    expect(row.candidateLines.map((candidate) => candidate.id)).toEqual([line.id]);

    const applied = await executeOperation(applySupplierFootprint, actor, { requestId: request.id, applicationId: draft.id, lineId: line.id });
    expect(applied).toMatchObject({ ok: true });
    const [priced] = await db.select().from(inventoryLines).where(eq(inventoryLines.id, line.id));
    expect(priced).toMatchObject({ supplyRequestId: request.id, importedFootprintId: null, source: "supplier_factor", supplierFactorValue: imported.value, supplierFactorUnit: imported.declaredUnit, supplierName: document.companyName });

    // The partner's host sends the same event again (a retry): accepted, nothing changes; a later, other answer is refused.
    expect((await sendEvent(token, answers[0])).status).toBe(200);
    const late = await sendEvent(token, answerEvent(PACT_EVENT_TYPES.requestRejected, { requestEventId: request.requestEventId, error: { code: "NotFound", message: "late" } }));
    expect(late.status).toBe(400);
    expect(await requestRow(request.id)).toMatchObject({ status: "fulfilled", version: 2, answerEventId: answers[0].id });
    expect(await db.select().from(notifications).where(and(eq(notifications.organizationId, customer.organizationId), eq(notifications.kind, "supply.fulfilledByPartner")))).toHaveLength(1);
  });

  it("is declined when the partner's host rejects it, with the partner's reason, and the requester is notified", async () => {
    const { customer, actor, partnerId, token } = await customerWithPartner();
    const partNumber = `CELL-${randomUUID().slice(0, 8)}`;
    plans.set(`urn:carbonlabel:product:${partNumber}`, async (event) => {
      const rejected = answerEvent(PACT_EVENT_TYPES.requestRejected, { requestEventId: event.body.id, error: { code: "NotFound", message: "We have no PCF for this cell yet." } });
      expect((await sendEvent(token, rejected)).status).toBe(200);
      // The same CloudEvent again: answered once.
      expect((await sendEvent(token, rejected)).status).toBe(200);
    });
    const request = await requestTo(actor, partnerId, partNumber);
    const answered = await untilAnswered(request);
    expect(answered).toMatchObject({ status: "declined", declineReason: "NotFound: We have no PCF for this cell yet.", importedFootprintId: null, version: 2 });
    const notified = await db.select().from(notifications).where(and(eq(notifications.organizationId, customer.organizationId), eq(notifications.kind, "supply.rejectedByPartner")));
    expect(notified).toHaveLength(1);
  });

  it("marks a footprint sent without a verification block self-declared", async () => {
    const { actor, partnerId, token } = await customerWithPartner();
    // Neither a verification block nor a credential: the supplier's own claim.
    const document: Record<string, unknown> = structuredClone(await partnerDocument());
    delete (document.pcf as Record<string, unknown>).verification;
    delete document.extensions;
    const request = await requestTo(actor, partnerId, `CELL-${randomUUID().slice(0, 8)}`);
    const response = await sendEvent(token, answerEvent(PACT_EVENT_TYPES.requestFulfilled, { requestEventId: request.requestEventId, pfs: [document] }));
    expect(response.status).toBe(200);
    const answered = await requestRow(request.id);
    const [imported] = await db.select().from(importedFootprints).where(eq(importedFootprints.id, answered.importedFootprintId!));
    expect(imported).toMatchObject({ verification: null, credentialVerdict: null });
    const page = await getSupplyRequestsPage(actor, supplyFiltersSchema.parse({}));
    expect(page.requests.find((entry) => entry.id === request.id)?.partnerFootprint).toMatchObject({ selfDeclared: true });
  });
});

describe("a cancelled request to a PACT partner", () => {
  it("is not sent any more when it had not been delivered", async () => {
    const { actor, partnerId } = await customerWithPartner();
    const request = await requestTo(actor, partnerId, `CELL-${randomUUID().slice(0, 8)}`);
    expect(await executeOperation(cancelSupplyRequest, actor, { requestId: request.id, expectedVersion: 1 })).toMatchObject({ ok: true });
    const [delivery] = await db.select().from(pactEventDeliveries).where(eq(pactEventDeliveries.supplyRequestId, request.id));
    expect(delivery).toMatchObject({ status: "abandoned", lastError: "cancelled", attempts: 0 });
    await deliverDuePactEvents({ agent: host.agent! });
    expect(host.events.some((event) => event.body.id === request.requestEventId)).toBe(false);
  });
});

describe("answers the platform refuses", () => {
  it("refuses an unregistered source, another organization's request and an invalid footprint (with the field and the reason), changing nothing", async () => {
    const { actor, partnerId, token } = await customerWithPartner();
    const document = await partnerDocument();
    const request = await requestTo(actor, partnerId, `CELL-${randomUUID().slice(0, 8)}`);
    const unchanged = async () => {
      expect(await requestRow(request.id)).toMatchObject({ status: "pending", version: 1, importedFootprintId: null, answerEventId: null });
      expect(await db.select().from(importedFootprints).where(eq(importedFootprints.footprintId, document.id))).toEqual([]);
    };

    const fromStranger = await sendEvent(
      token,
      answerEvent(PACT_EVENT_TYPES.requestFulfilled, { requestEventId: request.requestEventId, pfs: [document] }, "https://attacker.example.com/3/events"),
    );
    expect(fromStranger.status).toBe(403);
    expect(await fromStranger.json()).toMatchObject({ code: "AccessDenied" });
    await unchanged();

    // Another enterprise with a partner at the same host cannot answer this customer's request.
    const other = await customerWithPartner();
    const foreign = await sendEvent(other.token, answerEvent(PACT_EVENT_TYPES.requestFulfilled, { requestEventId: request.requestEventId, pfs: [document] }));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: "NotFound" });
    const foreignReject = await sendEvent(other.token, answerEvent(PACT_EVENT_TYPES.requestRejected, { requestEventId: request.requestEventId, error: { code: "NotFound", message: "x" } }));
    expect(foreignReject.status).toBe(404);
    await unchanged();

    const invalid = { ...document, pcf: { ...document.pcf, declaredUnitOfMeasurement: "barrel" } };
    const refused = await sendEvent(token, answerEvent(PACT_EVENT_TYPES.requestFulfilled, { requestEventId: request.requestEventId, pfs: [invalid] }), "application/cloudevents+json");
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { code: string; message: string };
    expect(problem.code).toBe("BadRequest");
    expect(problem.message).toContain("data.pfs.0");
    expect(problem.message).toContain("/pcf/declaredUnitOfMeasurement");
    await unchanged();

    // A footprint whose credential was tampered with is refused at the credential.
    const [extension] = document.extensions ?? [];
    const credential = (extension.data as { credential: { id: string } }).credential;
    const tampered = { ...document, extensions: [{ ...extension, data: { ...extension.data, credential: { ...credential, id: `${credential.id.slice(0, -6)}AAAAAA` } } }] };
    const forged = await sendEvent(token, answerEvent(PACT_EVENT_TYPES.requestFulfilled, { requestEventId: request.requestEventId, pfs: [tampered] }));
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { message: string }).message).toContain("/extensions/0/data/credential");
    await unchanged();

    // An answer naming a request nobody sent.
    const unknown = await sendEvent(token, answerEvent(PACT_EVENT_TYPES.requestFulfilled, { requestEventId: randomUUID(), pfs: [document] }));
    expect(unknown.status).toBe(404);
    await unchanged();
  });
});

describe("importing a footprint from a registered partner's URL", () => {
  /** The action reads the partner's host with the default HTTPS agent: the test host's certificate is trusted for this test only. */
  async function withHostTrusted<T>(run: () => Promise<T>): Promise<T> {
    const original = https.globalAgent;
    https.globalAgent = host.agent!;
    try {
      return await run();
    } finally {
      https.globalAgent = original;
    }
  }

  async function importFrom(partnerId: string, reference: string) {
    const form = new FormData();
    form.set("partnerId", partnerId);
    form.set("reference", reference);
    return withHostTrusted(() => importPartnerFootprintAction(form));
  }

  it("reads the footprint at the partner's host with a token from its endpoint and imports it through the same validation", async () => {
    const { customer, partnerId } = await customerWithPartner();
    const document = await partnerDocument();
    host.footprints.set(document.id, document);
    actAs(customer);
    const tokensBefore = host.tokensIssued();
    const imported = await importFrom(partnerId, `${host.baseUrl}/3/footprints/${document.id.toUpperCase()}`);
    expect(imported).toMatchObject({ ok: true, data: { importedFootprintId: expect.any(String) } });
    expect(host.tokensIssued()).toBe(tokensBefore + 1);
    expect(host.footprintReads).toContain(`/3/footprints/${document.id}`);
    const [row] = await db.select().from(importedFootprints).where(eq(importedFootprints.footprintId, document.id));
    expect(row).toMatchObject({ organizationId: customer.organizationId, partnerId, fileName: `${host.baseUrl}/3/footprints/${document.id}`, credentialVerdict: "valid" });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "supplierFootprint.import"), eq(auditEvents.entityId, row.id))).orderBy(auditEvents.id);
    expect(audit).toMatchObject({ subjectOrganizationId: customer.organizationId, actorUserId: customer.id });

    // By its id alone, a second footprint.
    const second = await partnerDocument();
    host.footprints.set(second.id, second);
    expect(await importFrom(partnerId, second.id)).toMatchObject({ ok: true });
  });

  it("refuses an address outside the partner's base URL without fetching it, an unknown footprint, an invalid one with the field and reason, and another company's partner", async () => {
    const { customer, partnerId } = await customerWithPartner();
    actAs(customer);
    const reads = host.footprintReads.length;
    const id = randomUUID();
    for (const reference of [
      `https://attacker.example.com/3/footprints/${id}`,
      `${host.baseUrl!.replace("https://", "http://")}/3/footprints/${id}`,
      `${host.baseUrl}/3/footprints/${id}?x=1`,
      `${host.baseUrl}/other/3/footprints/${id}`,
      `${host.baseUrl}/3/footprints/not-an-id`,
      "file:///etc/passwd",
    ]) {
      const refused = await importFrom(partnerId, reference);
      expect(refused, reference).toMatchObject({ ok: false, fieldErrors: { reference: ["supply.import.errors.outsidePartner"] } });
    }
    expect(host.footprintReads.length).toBe(reads);

    expect(await importFrom(partnerId, id)).toMatchObject({ ok: false, fieldErrors: { reference: ["supply.import.errors.partnerNotFound"] } });

    const document = await partnerDocument();
    host.footprints.set(document.id, { ...document, pcf: { ...document.pcf, declaredUnitOfMeasurement: "barrel" } });
    const invalid = await importFrom(partnerId, document.id);
    expect(invalid).toMatchObject({ ok: false });
    if (invalid.ok) throw new Error("imported an invalid footprint");
    expect(parseMessageKey(invalid.fieldErrors!.reference[0])).toMatchObject({ key: "supply.import.errors.notAllowed", params: { pointer: "/pcf/declaredUnitOfMeasurement" } });
    expect(await db.select().from(importedFootprints).where(eq(importedFootprints.footprintId, document.id))).toEqual([]);

    // Another enterprise cannot read through this customer's partner, nor can the operation be pointed elsewhere.
    const other = await createUser("enterprise");
    actAs(other);
    const valid = await partnerDocument();
    host.footprints.set(valid.id, valid);
    expect(await importFrom(partnerId, valid.id)).toMatchObject({ ok: false, message: "pact.errors.partnerNotFound" });
    expect(await executeOperation(importPartnerFootprint, await actorFor(customer), { partnerId, url: `https://attacker.example.com/3/footprints/${valid.id}`, document: valid })).toMatchObject({
      ok: false,
      error: expect.objectContaining({ fieldErrors: { reference: ["supply.import.errors.outsidePartner"] } }),
    });
    expect(await executeOperation(importPartnerFootprint, await actorFor(other), { partnerId, url: `${host.baseUrl}/3/footprints/${valid.id}`, document: valid })).toMatchObject({
      ok: false,
      error: expect.any(NotFoundError),
    });
    expect(await db.select().from(importedFootprints).where(eq(importedFootprints.footprintId, valid.id))).toEqual([]);
  });
});
