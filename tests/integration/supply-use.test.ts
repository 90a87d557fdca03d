/**
 * Using a supplier's footprint (issue 14, item 3): the customer prices one of its lines with the
 * footprint a supplier shared — the line keeps the request (footprint id, version, verification,
 * label link), its value per declared unit and unit, and must count in a unit of the same kind;
 * the verifier sees the share and the supplier certificate's status; a manual edit ends the link;
 * the supplier never sees the customer's inventory.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { certificates, inventoryLines, supplyRequests, type Application } from "@/db/schema";
import { applySupplierFootprintAction } from "@/lib/actions/inventory/apply-supplier-footprint";
import { updateInventoryLineAction } from "@/lib/actions/inventory/update-line";
import { getApplicationWorkspace, listInventoryPage } from "@/lib/dal/enterprise-application";
import { getSupplyRequestsPage } from "@/lib/dal/supply/requests";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { executeOperation } from "@/lib/domain/operation";
import { NotFoundError } from "@/lib/errors";
import { SHARED_FOOTPRINT_FIELDS, type SharedFootprintField } from "@/lib/enums";
import { supplyFiltersSchema } from "@/lib/validation/schemas/supply";
import { actorFor } from "../support/certificate-fixtures";
import { withTemporaryDataDir } from "../support/evidence-files";
import { lineInput } from "../support/enterprise-cast";
import { actAs, createApplication, createUser } from "../support/factories";
import { createPublishedCertificate } from "../support/pact";
import { fulfilledSupplyRequest } from "../support/supply-fixtures";
import { createEntrustedApplication } from "../support/verification-fixtures";

withTemporaryDataDir();

/** A customer's draft with a line of 5 000 pieces, and a request its supplier fulfilled with `fields`. */
async function fulfilledFor(fields: readonly SharedFootprintField[] = SHARED_FOOTPRINT_FIELDS) {
  const supplier = await createPublishedCertificate();
  const used = await fulfilledSupplyRequest(supplier, { description: "Purchased casings", quantity: "5000", supplierName: "Typed in" }, fields);
  return { supplier, ...used };
}

async function lineRow(id: string) {
  const [row] = await db.select().from(inventoryLines).where(eq(inventoryLines.id, id));
  return row;
}

describe("applySupplierFootprint", () => {
  it("turns the line into a supplier certified footprint linked to the request, shown on the inventory", async () => {
    const { supplier, customer, customerActor, draft, line, requestId } = await fulfilledFor();
    actAs(customer);
    expect(await applySupplierFootprintAction({ requestId, applicationId: draft.id, lineId: line.id })).toMatchObject({ ok: true });
    actAs(null);
    expect(await lineRow(line.id)).toMatchObject({
      source: "supplier_factor",
      supplierFactorValue: supplier.certificate.value,
      supplierFactorUnit: "piece",
      supplierName: supplier.certificate.enterpriseName,
      supplyRequestId: requestId,
      dataType: "primary",
      verification: "unverified",
    });
    const page = await listInventoryPage(customerActor, draft.id, 1);
    const row = page.rows.find((entry) => entry.line.id === line.id);
    expect(row?.supplierFootprint).toMatchObject({
      footprintId: supplier.footprint.id,
      footprintVersion: 1,
      verification: { labelPath: `/labels/${supplier.certificate.number}` },
    });
    // The supply page offers the line (same kind of unit) for the fulfilled request.
    const supply = await getSupplyRequestsPage(customerActor, supplyFiltersSchema.parse({ direction: "sent" }));
    expect(supply.requests[0].candidateLines.map((candidate) => candidate.id)).toContain(line.id);
    expect(supply.requests[0].candidateLines.every((candidate) => candidate.unit === "piece")).toBe(true);
  });

  it("refuses a line counting in another kind of unit, an unfulfilled or another company's request, and a frozen inventory", async () => {
    const { customer, customerActor, draft, line, requestId } = await fulfilledFor();
    const [perEnergy] = await db.select().from(inventoryLines).where(and(eq(inventoryLines.applicationId, draft.id), eq(inventoryLines.unit, "MWh")));
    expect(await executeOperation(applySupplierFootprint, customerActor, { requestId, applicationId: draft.id, lineId: perEnergy.id })).toMatchObject({
      ok: false,
      error: { fieldErrors: { lineId: ["supply.validation.lineUnitMismatch"] } },
    });
    const stranger = await actorFor(await createUser("enterprise"));
    const strangerDraft = await createApplication(stranger.organizationId);
    expect(await executeOperation(applySupplierFootprint, stranger, { requestId, applicationId: strangerDraft.id, lineId: line.id })).toMatchObject({
      ok: false,
      error: expect.any(NotFoundError),
    });
    await db.update(supplyRequests).set({ status: "accepted", sharedFootprint: null }).where(eq(supplyRequests.id, requestId));
    expect(await executeOperation(applySupplierFootprint, customerActor, { requestId, applicationId: draft.id, lineId: line.id })).toMatchObject({
      ok: false,
      error: { fieldErrors: { requestId: ["supply.validation.notFulfilled"] } },
    });
    const again = await fulfilledFor();
    const submitted: Application = (await createApplication(again.customer.organizationId, { status: "submitted" })) as Application;
    expect(await executeOperation(applySupplierFootprint, again.customerActor, { requestId: again.requestId, applicationId: submitted.id, lineId: again.line.id })).toMatchObject({ ok: false });
    expect(await lineRow(line.id)).toMatchObject({ supplyRequestId: null, supplierName: "Typed in" });
    expect(customer.id).toBeTruthy();
  });

  it("a manual edit of the line ends the link to the supplier's footprint", async () => {
    const { customer, customerActor, draft, line, requestId } = await fulfilledFor();
    await executeOperation(applySupplierFootprint, customerActor, { requestId, applicationId: draft.id, lineId: line.id });
    actAs(customer);
    const edit = lineInput(draft.id, { description: "Purchased casings", quantity: "5000", unit: "piece", source: "supplier_factor", gas: undefined, supplierFactorValue: "2", supplierFactorUnit: "piece", supplierName: "Typed in" });
    expect(await updateInventoryLineAction({ ...edit, lineId: line.id })).toMatchObject({ ok: true });
    actAs(null);
    expect(await lineRow(line.id)).toMatchObject({ supplyRequestId: null, supplierFactorValue: "2" });
  });

  it("the supplier cannot see the customer's inventory", async () => {
    const { supplier, customerActor, draft, line, requestId } = await fulfilledFor();
    await executeOperation(applySupplierFootprint, customerActor, { requestId, applicationId: draft.id, lineId: line.id });
    const supplierActor = await actorFor(supplier.enterpriseUser);
    expect(await getApplicationWorkspace(supplierActor, draft.id)).toBeNull();
    expect((await listInventoryPage(supplierActor, draft.id, 1)).rows).toEqual([]);
    const view = await getSupplyRequestsPage(supplierActor, supplyFiltersSchema.parse({}));
    expect(JSON.stringify(view)).not.toContain("Purchased casings");
    expect(view.requests.every((request) => request.candidateLines.length === 0)).toBe(true);
  });
});

describe("the verifier", () => {
  it("sees the supplier certified footprint and the supplier certificate's status at verification time", async () => {
    const { supplier, customer, requestId } = await fulfilledFor(["verification"]);
    const verifier = await createUser("verifier");
    const application = await createEntrustedApplication(customer, verifier.organizationId, { status: "in_review", leadVerifierId: verifier.id });
    const [line] = await db.select().from(inventoryLines).where(and(eq(inventoryLines.applicationId, application.id), eq(inventoryLines.unit, "piece")));
    await db.update(inventoryLines).set({ supplyRequestId: requestId }).where(eq(inventoryLines.id, line.id));
    const read = async () => (await loadVerifierApplication(await actorFor(verifier), application.id))?.lines.find((entry) => entry.line.id === line.id);
    expect(await read()).toMatchObject({ supplierFootprint: { certificateNumber: supplier.certificate.number, verification: { bodyName: expect.any(String) } }, supplierCertificateStatus: "valid" });
    await db.update(certificates).set({ status: "withdrawn" }).where(eq(certificates.id, supplier.certificate.id));
    expect(await read()).toMatchObject({ supplierCertificateStatus: "withdrawn" });
  });
});
