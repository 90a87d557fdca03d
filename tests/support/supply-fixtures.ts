/**
 * A customer using a supplier's certified footprint: a draft with one supplier-factor line, a
 * request to the supplier's enterprise and its fulfilment through the real operations.
 */
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { applications, inventoryLines, organizations, products } from "@/db/schema";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { executeOperation } from "@/lib/domain/operation";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { fulfilSupplyRequest } from "@/lib/domain/supply-requests/fulfil-supply-request";
import { SHARED_FOOTPRINT_FIELDS, type SharedFootprintField } from "@/lib/enums";
import { createSupplyRequestSchema } from "@/lib/validation/schemas/supply";
import { actorFor, createCategory, freezeForDecision } from "./certificate-fixtures";
import { createApplication, createOrganization, createUser } from "./factories";
import type { createPublishedCertificate } from "./pact";

type Supplier = Awaited<ReturnType<typeof createPublishedCertificate>>;

export async function fulfilledSupplyRequest(
  supplier: Supplier,
  line: { description: string; quantity: string; supplierName: string },
  fields: readonly SharedFootprintField[] = SHARED_FOOTPRINT_FIELDS,
) {
  const customer = await createUser("enterprise");
  const customerActor = await actorFor(customer);
  const draft = await createApplication(customer.organizationId);
  const [row] = await db
    .insert(inventoryLines)
    .values({ applicationId: draft.id, stage: "raw_material", ...line, unit: "piece", source: "supplier_factor", supplierFactorValue: "1", supplierFactorUnit: "piece" })
    .returning();
  const created = await executeOperation(
    createSupplyRequest,
    customerActor,
    createSupplyRequestSchema.parse({ supplier: `organization:${supplier.enterprise.id}`, productName: "Casing", declaredUnit: "piece", dueOn: addDays(todayInShanghai(), 10) }),
  );
  if (!created.ok) throw created.error;
  const fulfilled = await executeOperation(fulfilSupplyRequest, await actorFor(supplier.enterpriseUser), {
    requestId: created.data.requestId,
    expectedVersion: 1,
    footprintId: supplier.footprint.id,
    fields: [...fields],
  });
  if (!fulfilled.ok) throw fulfilled.error;
  return { customer, customerActor, draft, line: row, requestId: created.data.requestId };
}

/**
 * A customer whose certified footprint rests on the supplier's: the fulfilled request prices the
 * draft's line (the real apply operation) beside a line of its own, the draft is frozen for the decision and its
 * certificate issued, in `region` (a province code) and `district` when given.
 */
export async function certifiedCustomerUsing(supplier: Supplier, options: { region?: string; district?: string; fields?: readonly SharedFootprintField[] } = {}) {
  const used = await fulfilledSupplyRequest(supplier, { description: "Cathode material", quantity: "100", supplierName: "x" }, options.fields);
  const applied = await executeOperation(applySupplierFootprint, used.customerActor, { requestId: used.requestId, applicationId: used.draft.id, lineId: used.line.id });
  if (!applied.ok) throw applied.error;
  const body = await createOrganization("verification_body");
  const verifier = await createUser("verifier", body.id);
  const reviewer = await createUser("reviewer", body.id);
  if (options.region) await db.update(organizations).set({ region: options.region }).where(eq(organizations.id, used.customer.organizationId));
  const [draft] = await db
    .update(applications)
    .set({ verificationBodyId: body.id, leadVerifierId: verifier.id, ...(options.region ? { region: options.region } : {}), ...(options.district ? { district: options.district } : {}) })
    .where(eq(applications.id, used.draft.id))
    .returning();
  // A line of the customer's own beside the supplier's, so the chain carries part of the footprint.
  await db.insert(inventoryLines).values({
    applicationId: draft.id,
    stage: "production",
    description: "Assembly",
    quantity: "1000",
    unit: "kg",
    source: "supplier_factor",
    supplierFactorValue: "0.5",
    supplierFactorUnit: "kg",
    supplierName: "Own plant",
  });
  const categoryId = await createCategory();
  await db.update(products).set({ categoryId }).where(eq(products.id, draft.productId));
  const { application } = await freezeForDecision(draft, { body, enterpriseUser: used.customer, reviewer, categoryId });
  const reviewerActor = await actorFor(reviewer);
  const certificate = await db.transaction(async (tx) => {
    await tx.update(applications).set({ status: "certified" }).where(eq(applications.id, application.id));
    return issueCertificate(tx, reviewerActor, { applicationId: application.id });
  });
  return { ...used, application, body, verifier, reviewer, certificate };
}
