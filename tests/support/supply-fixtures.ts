/**
 * A customer using a supplier's certified footprint: a draft with one supplier-factor line, a
 * request to the supplier's enterprise and its fulfilment through the real operations.
 */
import { db } from "@/db";
import { inventoryLines } from "@/db/schema";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { executeOperation } from "@/lib/domain/operation";
import { createSupplyRequest } from "@/lib/domain/supply-requests/create-supply-request";
import { fulfilSupplyRequest } from "@/lib/domain/supply-requests/fulfil-supply-request";
import { SHARED_FOOTPRINT_FIELDS, type SharedFootprintField } from "@/lib/enums";
import { createSupplyRequestSchema } from "@/lib/validation/schemas/supply";
import { actorFor } from "./certificate-fixtures";
import { createApplication, createUser } from "./factories";
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
