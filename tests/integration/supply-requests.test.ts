/**
 * Supply-chain footprint requests (issue 14, request lifecycle): an enterprise asks a supplier on
 * the platform (or through its PACT partner) for a footprint; the supplier accepts or declines with
 * a reason; the requester may cancel until it is fulfilled; the platform expires what passed its
 * due date. Every step is audited and notified; a third company neither sees nor answers.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, notifications, pactPartners, supplyRequests } from "@/db/schema";
import { acceptSupplyRequestAction } from "@/lib/actions/supply-requests/accept-supply-request";
import { createSupplyRequestAction } from "@/lib/actions/supply-requests/create-supply-request";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { getSupplyRequestsPage } from "@/lib/dal/supply/requests";
import { executeOperation } from "@/lib/domain/operation";
import { acceptSupplyRequest } from "@/lib/domain/supply-requests/accept-supply-request";
import { cancelSupplyRequest } from "@/lib/domain/supply-requests/cancel-supply-request";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { declineSupplyRequest } from "@/lib/domain/supply-requests/decline-supply-request";
import { expireSupplyRequests } from "@/lib/domain/supply-requests/expire-supply-requests";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { systemActor } from "@/lib/policy";
import { createSupplyRequestSchema, supplyFiltersSchema } from "@/lib/validation/schemas/supply";
import { actorFor } from "../support/certificate-fixtures";
import { actAs, createApplication, createUser } from "../support/factories";

const dueOn = () => addDays(todayInShanghai(), 30);

function requestInput(supplier: string, overrides: Record<string, unknown> = {}) {
  return createSupplyRequestSchema.parse({
    supplier,
    productName: "NCM 811 cathode material",
    productModel: "CAM-811",
    partNumber: "P-4471",
    declaredUnit: "kg",
    quantityContext: "1 200 t a year",
    dueOn: dueOn(),
    message: "For our 2026 battery pack declaration.",
    ...overrides,
  });
}

async function pair() {
  const customer = await createUser("enterprise");
  const supplier = await createUser("enterprise");
  return { customer, supplier, customerActor: await actorFor(customer), supplierActor: await actorFor(supplier) };
}

async function sentRequest() {
  const cast = await pair();
  const outcome = await executeOperation(createSupplyRequest, cast.customerActor, requestInput(`organization:${cast.supplier.organizationId}`));
  if (!outcome.ok) throw outcome.error;
  return { ...cast, requestId: outcome.data.requestId };
}

async function requestRow(id: string) {
  const [row] = await db.select().from(supplyRequests).where(eq(supplyRequests.id, id));
  return row;
}

async function auditOf(id: string) {
  return db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "supply_request"), eq(auditEvents.entityId, id))).orderBy(auditEvents.id);
}

describe("createSupplyRequest", () => {
  it("sends a request to a supplier on the platform, audited, and notifies the supplier", async () => {
    const { customer, supplier, requestId } = await sentRequest();
    expect(await requestRow(requestId)).toMatchObject({
      requesterOrganizationId: customer.organizationId,
      supplierOrganizationId: supplier.organizationId,
      partnerId: null,
      productName: "NCM 811 cathode material",
      partNumber: "P-4471",
      declaredUnit: "kg",
      status: "pending",
      version: 1,
      createdBy: customer.id,
    });
    const [event] = await auditOf(requestId);
    expect(event).toMatchObject({ action: "supplyRequest.create", actorUserId: customer.id, subjectOrganizationId: customer.organizationId });
    const [note] = await db.select().from(notifications).where(eq(notifications.organizationId, supplier.organizationId));
    expect(note).toMatchObject({ kind: "supply.requested", params: { product: "NCM 811 cathode material" } });
  });

  it("addresses a registered PACT partner of the requester, but not another company's partner", async () => {
    const { customer, customerActor } = await pair();
    const [partner] = await db
      .insert(pactPartners)
      .values({ id: crypto.randomUUID(), organizationId: customer.organizationId, name: "Cell maker host", baseUrl: "https://pact.cells.example.com", clientId: "c", sealedClientSecret: "x", createdBy: customer.id })
      .returning();
    const ok = await executeOperation(createSupplyRequest, customerActor, requestInput(`partner:${partner.id}`));
    expect(ok).toMatchObject({ ok: true });
    if (ok.ok) expect(await requestRow(ok.data.requestId)).toMatchObject({ partnerId: partner.id, supplierOrganizationId: null });
    const stranger = await actorFor(await createUser("enterprise"));
    expect(await executeOperation(createSupplyRequest, stranger, requestInput(`partner:${partner.id}`))).toMatchObject({
      ok: false,
      error: { fieldErrors: { supplier: ["supply.validation.supplier"] } },
    });
  });

  it("refuses itself, a body or a regulator as supplier, a past due date, and another company's application", async () => {
    const { customer, customerActor } = await pair();
    const body = await createUser("verifier");
    for (const supplier of [customer.organizationId, body.organizationId]) {
      expect(await executeOperation(createSupplyRequest, customerActor, requestInput(`organization:${supplier}`))).toMatchObject({
        ok: false,
        error: { fieldErrors: { supplier: ["supply.validation.supplier"] } },
      });
    }
    actAs(customer);
    const supplier = await createUser("enterprise");
    const past = await createSupplyRequestAction({ ...requestInput(`organization:${supplier.organizationId}`), supplier: `organization:${supplier.organizationId}`, dueOn: "2020-01-01" });
    expect(past).toMatchObject({ ok: false, fieldErrors: { dueOn: ["supply.validation.dueInFuture"] } });
    const bad = await createSupplyRequestAction({ supplier: "somebody", productName: "", declaredUnit: "parsec", dueOn: dueOn() });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { supplier: expect.any(Array), productName: expect.any(Array), declaredUnit: expect.any(Array) } });
    actAs(null);
    const othersApplication = await createApplication((await createUser("enterprise")).organizationId);
    expect(
      await executeOperation(createSupplyRequest, customerActor, { ...requestInput(`organization:${supplier.organizationId}`), applicationId: othersApplication.id }),
    ).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    expect(await db.select().from(supplyRequests).where(eq(supplyRequests.requesterOrganizationId, customer.organizationId))).toEqual([]);
  });

  it("refuses every role but an enterprise's, the platform and anonymous callers", async () => {
    const supplier = await createUser("enterprise");
    for (const role of ["verifier", "reviewer", "regulator", "admin"] as const) {
      const actor = await actorFor(await createUser(role));
      expect(await executeOperation(createSupplyRequest, actor, requestInput(`organization:${supplier.organizationId}`))).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    }
    expect(await executeOperation(createSupplyRequest, systemActor("test"), requestInput(`organization:${supplier.organizationId}`))).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    expect(await executeOperation(createSupplyRequest, null, requestInput(`organization:${supplier.organizationId}`))).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });
    expect(await db.select().from(supplyRequests).where(eq(supplyRequests.supplierOrganizationId, supplier.organizationId))).toEqual([]);
  });
});

describe("answering and cancelling", () => {
  it("the supplier accepts, then declines with a reason; each step audited and the requester told", async () => {
    const { customer, supplier, supplierActor, requestId } = await sentRequest();
    actAs(supplier);
    expect(await acceptSupplyRequestAction({ requestId, expectedVersion: 1 })).toMatchObject({ ok: true });
    actAs(null);
    expect(await requestRow(requestId)).toMatchObject({ status: "accepted", version: 2, answeredBy: supplier.id });
    // The version the supplier saw is stale after its own change.
    expect(await executeOperation(declineSupplyRequest, supplierActor, { requestId, expectedVersion: 1, reason: "No" })).toMatchObject({ ok: false, error: expect.any(ConflictError) });
    expect(await executeOperation(declineSupplyRequest, supplierActor, { requestId, expectedVersion: 2, reason: "Not a product we make" })).toMatchObject({ ok: true });
    expect(await requestRow(requestId)).toMatchObject({ status: "declined", declineReason: "Not a product we make" });
    expect((await auditOf(requestId)).map((event) => event.action)).toEqual(["supplyRequest.create", "supplyRequest.accept", "supplyRequest.decline"]);
    const kinds = (await db.select().from(notifications).where(eq(notifications.organizationId, customer.organizationId))).map((row) => row.kind).sort();
    expect(kinds).toEqual(["supply.accepted", "supply.declined"]);
    // Declined is final: the requester cannot cancel it any more.
    expect(await executeOperation(cancelSupplyRequest, await actorFor(customer), { requestId, expectedVersion: 3 })).toMatchObject({ ok: false, error: expect.any(ConflictError) });
  });

  it("a third company can neither answer nor cancel, the requester cannot answer its own request, and nothing changes", async () => {
    const { customerActor, supplierActor, requestId } = await sentRequest();
    const third = await actorFor(await createUser("enterprise"));
    for (const [operation, actor] of [
      [acceptSupplyRequest, third],
      [acceptSupplyRequest, customerActor],
      [cancelSupplyRequest, third],
      [cancelSupplyRequest, supplierActor],
    ] as const) {
      expect(await executeOperation(operation, actor, { requestId, expectedVersion: 1 })).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    }
    expect(await executeOperation(declineSupplyRequest, third, { requestId, expectedVersion: 1, reason: "x" })).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    expect(await requestRow(requestId)).toMatchObject({ status: "pending", version: 1 });
    expect(await auditOf(requestId)).toHaveLength(1);
  });

  it("the requester cancels a pending or accepted request, and the supplier is told", async () => {
    const { customerActor, supplier, supplierActor, requestId } = await sentRequest();
    await executeOperation(acceptSupplyRequest, supplierActor, { requestId, expectedVersion: 1 });
    expect(await executeOperation(cancelSupplyRequest, customerActor, { requestId, expectedVersion: 2 })).toMatchObject({ ok: true });
    expect(await requestRow(requestId)).toMatchObject({ status: "cancelled", version: 3 });
    const kinds = (await db.select().from(notifications).where(eq(notifications.organizationId, supplier.organizationId))).map((row) => row.kind).sort();
    expect(kinds).toEqual(["supply.cancelled", "supply.requested"]);
    expect(await executeOperation(acceptSupplyRequest, supplierActor, { requestId, expectedVersion: 3 })).toMatchObject({ ok: false, error: expect.any(ConflictError) });
  });
});

describe("expireSupplyRequests", () => {
  it("expires open requests past their due date once, as the platform, and only the platform", async () => {
    const { customerActor, supplierActor, requestId } = await sentRequest();
    const later = addDays(dueOn(), 1);
    // Past its due date it cannot be accepted any more, even before the round ran.
    expect(await executeOperation(expireSupplyRequests, customerActor, { today: later })).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    const first = await executeOperation(expireSupplyRequests, systemActor("test"), { today: later });
    expect(first.ok && first.data.expired).toBeGreaterThanOrEqual(1);
    expect(await requestRow(requestId)).toMatchObject({ status: "expired", version: 2 });
    await executeOperation(expireSupplyRequests, systemActor("test"), { today: later });
    expect((await auditOf(requestId)).filter((event) => event.action === "supplyRequest.expire")).toHaveLength(1);
    expect(await executeOperation(acceptSupplyRequest, supplierActor, { requestId, expectedVersion: 2 })).toMatchObject({ ok: false, error: expect.any(ConflictError) });
  });
});

describe("getSupplyRequestsPage", () => {
  it("shows the supplier its inbox and the requester its outbox, filtered by direction, counterpart and state; a third company sees nothing", async () => {
    const { customer, supplier, customerActor, supplierActor, requestId } = await sentRequest();
    const filters = (raw: Record<string, unknown>) => supplyFiltersSchema.parse(raw);
    const supplierView = await getSupplyRequestsPage(supplierActor, filters({ direction: "received" }));
    expect(supplierView.requests.map((row) => row.id)).toEqual([requestId]);
    expect(supplierView.requests[0]).toMatchObject({ direction: "received", actions: ["accept", "fulfil", "decline"], createdByName: null });
    expect((await getSupplyRequestsPage(supplierActor, filters({ direction: "sent" }))).requests).toEqual([]);
    const customerView = await getSupplyRequestsPage(customerActor, filters({ counterparty: `organization:${supplier.organizationId}`, status: "pending" }));
    expect(customerView.requests[0]).toMatchObject({ id: requestId, direction: "sent", actions: ["cancel"] });
    expect((await getSupplyRequestsPage(customerActor, filters({ status: "declined" }))).requests).toEqual([]);
    // Unknown filter values fall back to "everything" instead of breaking the page.
    expect(filters({ direction: "sideways", status: "lost", counterparty: "x" })).toEqual({ direction: "all", status: null, counterparty: null });
    const third = await actorFor(await createUser("enterprise"));
    expect((await getSupplyRequestsPage(third, filters({}))).requests).toEqual([]);
    expect(customer.organizationId).not.toBe(third.organizationId);
    await expect(getSupplyRequestsPage(await actorFor(await createUser("regulator")), filters({}))).rejects.toThrow();
  });
});
