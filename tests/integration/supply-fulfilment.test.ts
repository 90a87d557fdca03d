/**
 * Answering a supply-chain request (issue 14, item 2): the supplier fulfils with one of its own
 * active certified footprints, sharing its value and unit and only the parts it ticks — never its
 * inventory or evidence; a footprint of another company, of a suspended certificate or per a unit
 * of another kind is refused; a third company cannot answer.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, certificates, notifications, supplyRequests } from "@/db/schema";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { getSupplyRequestsPage } from "@/lib/dal/supply/requests";
import { executeOperation } from "@/lib/domain/operation";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { fulfilSupplyRequest } from "@/lib/domain/supply-requests/fulfil-supply-request";
import { NotFoundError } from "@/lib/errors";
import { SHARED_FOOTPRINT_FIELDS } from "@/lib/enums";
import { createSupplyRequestSchema, fulfilSupplyRequestSchema, supplyFiltersSchema } from "@/lib/validation/schemas/supply";
import { actorFor } from "../support/certificate-fixtures";
import { withTemporaryDataDir } from "../support/evidence-files";
import { createUser } from "../support/factories";
import { createPublishedCertificate } from "../support/pact";

withTemporaryDataDir();

async function requestTo(supplierOrganizationId: string, declaredUnit = "piece") {
  const customer = await createUser("enterprise");
  const customerActor = await actorFor(customer);
  const outcome = await executeOperation(
    createSupplyRequest,
    customerActor,
    createSupplyRequestSchema.parse({ supplier: `organization:${supplierOrganizationId}`, productName: "Laptop casing", declaredUnit, dueOn: addDays(todayInShanghai(), 20) }),
  );
  if (!outcome.ok) throw outcome.error;
  return { customer, customerActor, requestId: outcome.data.requestId };
}

const fulfil = (requestId: string, footprintId: string, fields: readonly string[] = SHARED_FOOTPRINT_FIELDS) =>
  fulfilSupplyRequestSchema.parse({ requestId, expectedVersion: 1, footprintId, fields });

describe("fulfilSupplyRequest", () => {
  it("shares the chosen parts of the supplier's certified footprint, frozen on the request, audited and notified", async () => {
    const supplier = await createPublishedCertificate();
    const supplierActor = await actorFor(supplier.enterpriseUser);
    const { customer, customerActor, requestId } = await requestTo(supplier.enterprise.id);
    const outcome = await executeOperation(fulfilSupplyRequest, supplierActor, fulfil(requestId, supplier.footprint.id, ["verification", "primaryDataShare"]));
    expect(outcome).toMatchObject({ ok: true });
    const [row] = await db.select().from(supplyRequests).where(eq(supplyRequests.id, requestId));
    expect(row).toMatchObject({ status: "fulfilled", fulfilledFootprintId: supplier.footprint.id, fulfilledCertificateId: supplier.certificate.id });
    const shared = row.sharedFootprint as Record<string, unknown>;
    expect(shared).toMatchObject({
      footprintId: supplier.footprint.id,
      footprintVersion: 1,
      certificateNumber: supplier.certificate.number,
      value: supplier.certificate.value,
      declaredUnit: "piece",
      verification: { labelPath: `/labels/${supplier.certificate.number}` },
    });
    expect(shared.primaryDataShare).toEqual(expect.any(String));
    // Not ticked: not shared. The inventory is never part of the share.
    expect(shared).not.toHaveProperty("stages");
    expect(shared).not.toHaveProperty("boundary");
    expect(shared).not.toHaveProperty("dataQuality");
    expect(JSON.stringify(shared)).not.toContain("Aluminium casing");
    expect(JSON.stringify(shared)).not.toContain("lines");
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, requestId), eq(auditEvents.action, "supplyRequest.fulfil"))).orderBy(auditEvents.id);
    expect(event).toMatchObject({ actorUserId: supplier.enterpriseUser.id, data: { footprintId: supplier.footprint.id, fields: ["verification", "primaryDataShare"] } });
    const kinds = (await db.select().from(notifications).where(eq(notifications.organizationId, customer.organizationId))).map((note) => note.kind);
    expect(kinds).toContain("supply.fulfilled");
    // Both sides see the share; only the parts it holds.
    const view = await getSupplyRequestsPage(customerActor, supplyFiltersSchema.parse({}));
    expect(view.requests[0]).toMatchObject({ status: "fulfilled", shared: { certificateNumber: supplier.certificate.number }, actions: [] });
    expect(JSON.stringify(view)).not.toContain("Aluminium casing");
  });

  it("a supplier with nothing ticked still shares value and unit; a self-declared share has no verification", async () => {
    const supplier = await createPublishedCertificate();
    const { requestId } = await requestTo(supplier.enterprise.id);
    expect(await executeOperation(fulfilSupplyRequest, await actorFor(supplier.enterpriseUser), fulfil(requestId, supplier.footprint.id, []))).toMatchObject({ ok: true });
    const [row] = await db.select().from(supplyRequests).where(eq(supplyRequests.id, requestId));
    expect(Object.keys(row.sharedFootprint as object).sort()).toEqual(
      ["certificateId", "certificateNumber", "declaredUnit", "footprintId", "footprintVersion", "productName", "productNameEn", "sharedAt", "supplierName", "value"].sort(),
    );
  });

  it("refuses another company's footprint, a suspended certificate's, one per another kind of unit, and a third company", async () => {
    const supplier = await createPublishedCertificate();
    const other = await createPublishedCertificate();
    const supplierActor = await actorFor(supplier.enterpriseUser);
    const { requestId } = await requestTo(supplier.enterprise.id);
    expect(await executeOperation(fulfilSupplyRequest, supplierActor, fulfil(requestId, other.footprint.id))).toMatchObject({
      ok: false,
      error: { fieldErrors: { footprintId: ["supply.validation.footprint"] } },
    });
    // The other company cannot answer a request it did not receive, even with its own footprint.
    expect(await executeOperation(fulfilSupplyRequest, await actorFor(other.enterpriseUser), fulfil(requestId, other.footprint.id))).toMatchObject({
      ok: false,
      error: expect.any(NotFoundError),
    });
    const { requestId: perKg } = await requestTo(supplier.enterprise.id, "kg");
    expect(await executeOperation(fulfilSupplyRequest, supplierActor, fulfil(perKg, supplier.footprint.id))).toMatchObject({
      ok: false,
      error: { fieldErrors: { footprintId: ["supply.validation.unitMismatch"] } },
    });
    await db.update(certificates).set({ status: "suspended" }).where(eq(certificates.id, supplier.certificate.id));
    expect(await executeOperation(fulfilSupplyRequest, supplierActor, fulfil(requestId, supplier.footprint.id))).toMatchObject({
      ok: false,
      error: { fieldErrors: { footprintId: ["supply.validation.footprintNotActive"] } },
    });
    const rows = await db.select().from(supplyRequests).where(eq(supplyRequests.supplierOrganizationId, supplier.enterprise.id));
    expect(rows.map((row) => row.status)).toEqual(["pending", "pending"]);
  });

  it("offers the supplier only its active footprints to answer with", async () => {
    const supplier = await createPublishedCertificate();
    await requestTo(supplier.enterprise.id);
    const page = await getSupplyRequestsPage(await actorFor(supplier.enterpriseUser), supplyFiltersSchema.parse({ direction: "received" }));
    expect(page.footprints.map((footprint) => footprint.id)).toEqual([supplier.footprint.id]);
    expect(page.requests[0].actions).toEqual(["accept", "fulfil", "decline"]);
  });
});
