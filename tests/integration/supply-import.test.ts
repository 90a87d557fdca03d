/**
 * Importing a supplier's PACT v3 ProductFootprint file (issue 14, item 4): valid against the PACT
 * schema or refused with the field (a JSON pointer) and the reason; without a `verification` block
 * it is self-declared wherever shown (supply page, inventory, the verifier's view); it prices a line like a fulfilled request (same unit check);
 * no other company sees or uses it.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, importedFootprints, inventoryLines } from "@/db/schema";
import { applySupplierFootprintAction } from "@/lib/actions/inventory/apply-supplier-footprint";
import { importSupplierFootprintAction } from "@/lib/actions/supply-requests/import-footprint";
import { updateInventoryLineAction } from "@/lib/actions/inventory/update-line";
import { Decimal } from "@/lib/calc/decimal";
import { listInventoryPage } from "@/lib/dal/enterprise-application";
import { getSupplyRequestsPage } from "@/lib/dal/supply/requests";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { executeOperation } from "@/lib/domain/operation";
import { importSupplierFootprint } from "@/lib/domain/supply-requests/import-footprint";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseMessageKey } from "@/lib/i18n/translate";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { supplyFiltersSchema } from "@/lib/validation/schemas/supply";
import { actorFor } from "../support/certificate-fixtures";
import { lineInput } from "../support/enterprise-cast";
import { withTemporaryDataDir } from "../support/evidence-files";
import { actAs, createApplication, createUser } from "../support/factories";
import { createPublishedCertificate } from "../support/pact";
import { createEntrustedApplication } from "../support/verification-fixtures";

withTemporaryDataDir();

/** A real PACT footprint (published by an issuance, valid against the schema) under a new id. */
async function supplierDocument(): Promise<ProductFootprint> {
  const { footprint } = await createPublishedCertificate();
  return { ...(footprint.document as ProductFootprint), id: randomUUID() };
}

function fileOf(content: string, name = "footprint.json") {
  const form = new FormData();
  form.set("file", new File([content], name, { type: "application/json" }));
  return form;
}

/** A customer with a draft holding one line per piece. */
async function customerWithLine() {
  const customer = await createUser("enterprise");
  const actor = await actorFor(customer);
  const draft = await createApplication(customer.organizationId);
  const [line] = await db
    .insert(inventoryLines)
    .values({ applicationId: draft.id, stage: "raw_material", description: "Purchased modules", quantity: "800", unit: "piece", source: "supplier_factor", supplierFactorValue: "1", supplierFactorUnit: "piece", supplierName: "Typed in" })
    .returning();
  return { customer, actor, draft, line };
}

async function importAs(user: Parameters<typeof actAs>[0], content: string) {
  actAs(user);
  try {
    return await importSupplierFootprintAction(fileOf(content));
  } finally {
    actAs(null);
  }
}

/** The refusal's message at the upload field, as key and parameters. */
function fileRefusal(result: Awaited<ReturnType<typeof importSupplierFootprintAction>>) {
  if (result.ok) throw new Error("the import was not refused");
  const [message] = result.fieldErrors?.file ?? [];
  if (!message) throw new Error(`refused, but not at the file field: ${result.message}`);
  return parseMessageKey(message);
}

async function importsOf(organizationId: string) {
  return db.select().from(importedFootprints).where(eq(importedFootprints.organizationId, organizationId));
}

describe("importing a PACT ProductFootprint file", () => {
  it("stores a valid verified footprint with its value per declared unit, audited, and prices a line with it", async () => {
    const document = await supplierDocument();
    const { customer, actor, draft, line } = await customerWithLine();
    const imported = await importAs(customer, JSON.stringify(document));
    expect(imported).toMatchObject({ ok: true });
    const [row] = await importsOf(customer.organizationId);
    const perUnit = new Decimal(document.pcf.pcfExcludingBiogenicUptake).dividedBy(document.pcf.declaredUnitAmount);
    expect(row).toMatchObject({ footprintId: document.id, companyName: document.companyName, productName: document.productNameCompany, declaredUnit: "piece", fileName: "footprint.json" });
    expect(new Decimal(row.value).equals(perUnit)).toBe(true);
    expect(row.verification).toEqual(document.pcf.verification);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "supplierFootprint.import"), eq(auditEvents.entityId, row.id))).orderBy(auditEvents.id);
    expect(audit).toMatchObject({ actorUserId: customer.id, subjectOrganizationId: customer.organizationId, data: expect.objectContaining({ footprintId: document.id, selfDeclared: false }) });

    const supply = await getSupplyRequestsPage(actor, supplyFiltersSchema.parse({}));
    expect(supply.imports).toHaveLength(1);
    expect(supply.imports[0]).toMatchObject({ id: row.id, selfDeclared: false, verifiedBy: document.pcf.verification.providerName });
    expect(supply.imports[0].candidateLines.map((candidate) => candidate.id)).toContain(line.id);

    actAs(customer);
    expect(await applySupplierFootprintAction({ importedFootprintId: row.id, applicationId: draft.id, lineId: line.id })).toMatchObject({ ok: true });
    actAs(null);
    const [priced] = await db.select().from(inventoryLines).where(eq(inventoryLines.id, line.id));
    expect(priced).toMatchObject({ importedFootprintId: row.id, supplyRequestId: null, supplierFactorValue: row.value, supplierFactorUnit: "piece", supplierName: document.companyName, dataType: "primary" });
    const inventory = await listInventoryPage(actor, draft.id, 1);
    expect(inventory.rows.find((entry) => entry.line.id === line.id)?.importedFootprint).toEqual({ footprintId: document.id, selfDeclared: false, verifiedBy: document.pcf.verification.providerName });

    // The same PACT footprint is imported once.
    expect(await importAs(customer, JSON.stringify(document))).toMatchObject({ ok: false, fieldErrors: { file: ["supply.import.errors.alreadyImported"] } });
    // A manual edit ends the link to the import, as it does for a request.
    actAs(customer);
    const edit = lineInput(draft.id, { description: "Purchased modules", quantity: "800", unit: "piece", source: "supplier_factor", gas: undefined, supplierFactorValue: "3", supplierFactorUnit: "piece", supplierName: "Typed in" });
    expect(await updateInventoryLineAction({ ...edit, lineId: line.id })).toMatchObject({ ok: true });
    actAs(null);
    expect((await db.select().from(inventoryLines).where(eq(inventoryLines.id, line.id)))[0]).toMatchObject({ importedFootprintId: null, supplierFactorValue: "3" });
  });

  it("refuses an invalid document with the JSON pointer of the field and the reason, and stores nothing", async () => {
    const document = await supplierDocument();
    const { customer } = await customerWithLine();
    const wrongUnit = { ...document, pcf: { ...document.pcf, declaredUnitOfMeasurement: "banana" } };
    const refused = await importAs(customer, JSON.stringify(wrongUnit));
    expect(refused).toMatchObject({ ok: false, message: "errors.validation" });
    const { key, params } = fileRefusal(refused);
    expect(key).toBe("supply.import.errors.notAllowed");
    expect(params.pointer).toBe("/pcf/declaredUnitOfMeasurement");
    expect(params.allowed).toContain("kilogram");

    const missing = await importAs(customer, JSON.stringify({ ...document, companyName: undefined }));
    expect(fileRefusal(missing)).toEqual({ key: "supply.import.errors.missing", params: { pointer: "/companyName" } });
    // A keyword without a message of its own keeps the schema's words.
    const blank = await importAs(customer, JSON.stringify({ ...document, companyName: "" }));
    expect(fileRefusal(blank)).toMatchObject({ key: "supply.import.errors.field", params: { pointer: "/companyName", reason: expect.any(String) } });

    // PACT units the inventory does not count in, deprecated footprints and what jsonb cannot hold are refused at their field too.
    const perHour = await importAs(customer, JSON.stringify({ ...document, id: randomUUID(), pcf: { ...document.pcf, declaredUnitOfMeasurement: "hour" } }));
    expect(fileRefusal(perHour).params.pointer).toBe("/pcf/declaredUnitOfMeasurement");
    const deprecated = await importAs(customer, JSON.stringify({ ...document, status: "Deprecated" }));
    expect(fileRefusal(deprecated).params.pointer).toBe("/status");
    const withNul = await importAs(customer, JSON.stringify({ ...document, comment: "bad\u0000text" }));
    expect(withNul).toMatchObject({ ok: false });
    expect(fileRefusal(withNul).params.pointer).toBe("/comment");

    expect(await importAs(customer, "{ not json")).toMatchObject({ ok: false, fieldErrors: { file: ["supply.import.errors.notJson"] } });
    expect(await importAs(customer, "x".repeat(1024 * 1024 + 1))).toMatchObject({ ok: false, fieldErrors: { file: ["supply.import.errors.tooLarge?maximum=1"] } });
    expect(await importsOf(customer.organizationId)).toEqual([]);
  });

  it("marks a footprint without a verification block self-declared on the supply page and the line", async () => {
    const document = await supplierDocument();
    const { customer, actor, draft, line } = await customerWithLine();
    // JSON.stringify leaves an undefined member out: the file has no verification block.
    expect(await importAs(customer, JSON.stringify({ ...document, pcf: { ...document.pcf, verification: undefined } }))).toMatchObject({ ok: true });
    const [row] = await importsOf(customer.organizationId);
    expect(row.verification).toBeNull();
    const supply = await getSupplyRequestsPage(actor, supplyFiltersSchema.parse({}));
    expect(supply.imports[0]).toMatchObject({ selfDeclared: true, verifiedBy: null });
    expect((await executeOperation(applySupplierFootprint, actor, { importedFootprintId: row.id, applicationId: draft.id, lineId: line.id })).ok).toBe(true);
    const inventory = await listInventoryPage(actor, draft.id, 1);
    expect(inventory.rows.find((entry) => entry.line.id === line.id)?.importedFootprint).toMatchObject({ selfDeclared: true });

    // The customer's verifier sees it self-declared too.
    const verifier = await createUser("verifier");
    const application = await createEntrustedApplication(customer, verifier.organizationId, { status: "in_review", leadVerifierId: verifier.id });
    const [reviewed] = await db.select().from(inventoryLines).where(and(eq(inventoryLines.applicationId, application.id), eq(inventoryLines.unit, "piece")));
    await db.update(inventoryLines).set({ importedFootprintId: row.id }).where(eq(inventoryLines.id, reviewed.id));
    const view = await loadVerifierApplication(await actorFor(verifier), application.id);
    expect(view?.lines.find((entry) => entry.line.id === reviewed.id)).toMatchObject({ importedFootprint: { footprintId: document.id, selfDeclared: true }, supplierFootprint: null });
  });

  it("refuses a line in another kind of unit", async () => {
    const document = await supplierDocument();
    const { customer, actor, draft } = await customerWithLine();
    await importAs(customer, JSON.stringify(document));
    const [row] = await importsOf(customer.organizationId);
    const [perMass] = await db
      .insert(inventoryLines)
      .values({ applicationId: draft.id, stage: "raw_material", description: "Steel", quantity: "2", unit: "t", source: "supplier_factor", supplierFactorValue: "1", supplierFactorUnit: "t", supplierName: "Mill" })
      .returning();
    expect(await executeOperation(applySupplierFootprint, actor, { importedFootprintId: row.id, applicationId: draft.id, lineId: perMass.id })).toMatchObject({
      ok: false,
      error: { fieldErrors: { lineId: ["supply.validation.lineUnitMismatch"] } },
    });
  });

  it("is the importer's alone: another enterprise neither sees nor uses it, and other roles cannot import", async () => {
    const document = await supplierDocument();
    const { customer } = await customerWithLine();
    await importAs(customer, JSON.stringify(document));
    const [row] = await importsOf(customer.organizationId);

    const stranger = await customerWithLine();
    const strangerPage = await getSupplyRequestsPage(stranger.actor, supplyFiltersSchema.parse({}));
    expect(strangerPage.imports).toEqual([]);
    expect(JSON.stringify(strangerPage)).not.toContain(document.id);
    expect(await executeOperation(applySupplierFootprint, stranger.actor, { importedFootprintId: row.id, applicationId: stranger.draft.id, lineId: stranger.line.id })).toMatchObject({
      ok: false,
      error: expect.any(NotFoundError),
    });
    expect((await db.select().from(inventoryLines).where(eq(inventoryLines.id, stranger.line.id)))[0]).toMatchObject({ importedFootprintId: null, supplierName: "Typed in" });

    const verifier = await actorFor(await createUser("verifier"));
    expect(await executeOperation(importSupplierFootprint, verifier, { fileName: "f.json", document: { ...document, id: randomUUID() } })).toMatchObject({
      ok: false,
      error: expect.any(ForbiddenError),
    });
    expect(await importAs(null, JSON.stringify({ ...document, id: randomUUID() }))).toMatchObject({ ok: false, message: "errors.unauthenticated" });
  });
});
