import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { importedFootprints, inventoryLines, supplyRequests } from "@/db/schema";
import { unitDimension } from "@/lib/calc/units";
import { NotFoundError, OperationError } from "@/lib/errors";
import { assertUserCan, type Actor, type UserActor } from "@/lib/policy";
import { sharedFootprintSchema } from "@/lib/rules/shared-footprint";
import type { ApplySupplierFootprintValues } from "@/lib/validation/schemas/supply";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { auditLineChange, changedColumns, enteredColumns } from "./line-audit";
import { resolveLineFlags } from "./resolve-line-flags";

/**
 * The customer prices one of its lines with a footprint a supplier shared through a fulfilled
 * request: the line becomes a supplier certified footprint (value per declared unit, unit and
 * supplier from the share, linked to the request that keeps the footprint id, version and
 * verification) — or with a PACT footprint the enterprise imported (linked to the import, which
 * keeps the document and whether it was verified). The line's quantity must be of the same kind as the footprint's unit — a
 * footprint per kWh cannot price a kg. Like any change, the line is unverified again.
 */
export async function applySupplierFootprint(tx: Tx, actor: Actor | null, input: ApplySupplierFootprintValues) {
  assertUserCan(actor, "inventory.edit");
  const application = await lockEditableInventory(tx, actor, input.applicationId, "inventory.edit");
  const source = input.importedFootprintId ? await importedSource(tx, actor, input.importedFootprintId) : await requestSource(tx, actor, input.requestId);
  const [before] = await tx
    .select()
    .from(inventoryLines)
    .where(and(eq(inventoryLines.id, input.lineId), eq(inventoryLines.applicationId, application.id)));
  if (!before) throw new NotFoundError();
  if (unitDimension(before.unit) === null || unitDimension(before.unit) !== unitDimension(source.declaredUnit)) {
    throw new OperationError("errors.validation", { lineId: ["supply.validation.lineUnitMismatch"] });
  }
  const values = {
    ...enteredColumns(before),
    source: "supplier_factor" as const,
    factorId: null,
    gas: null,
    supplierFactorValue: source.value,
    supplierFactorUnit: source.declaredUnit,
    supplierName: source.supplierName,
    // Supplier-specific data measured at the supplier's site.
    dataType: "primary" as const,
  };
  await tx
    .update(inventoryLines)
    .set({ ...values, ...source.link, verification: "unverified", verifiedBy: null, updatedAt: new Date() })
    .where(eq(inventoryLines.id, before.id));
  await resolveLineFlags(tx, actor, before.id);
  await bumpInventoryRevision(tx, application.id);
  await auditLineChange(tx, actor, application, {
    action: "inventory.updateLine",
    lineId: before.id,
    data: { ...changedColumns(enteredColumns(before), values), supplierFootprint: source.audit, verificationBefore: before.verification },
  });
  return { lineId: before.id };
}

type FootprintSource = {
  value: string;
  declaredUnit: string;
  supplierName: string;
  /** The line's link to where the figure came from: one of the two, the other cleared. */
  link: { supplyRequestId: string | null; importedFootprintId: string | null };
  audit: Record<string, string | number | boolean>;
};

async function requestSource(tx: Tx, actor: UserActor, requestId: string | undefined): Promise<FootprintSource> {
  const [request] = requestId
    ? await tx
        .select()
        .from(supplyRequests)
        .where(and(eq(supplyRequests.id, requestId), eq(supplyRequests.requesterOrganizationId, actor.organizationId)))
    : [];
  if (!request) throw new NotFoundError("supply.errors.requestNotFound");
  // Answered by a PACT partner: the footprint it sent is kept as the requester's import.
  if (request.status === "fulfilled" && request.importedFootprintId) {
    const imported = await importedSource(tx, actor, request.importedFootprintId);
    return { ...imported, link: { supplyRequestId: request.id, importedFootprintId: null }, audit: { requestId: request.id, ...imported.audit } };
  }
  const shared = request.status === "fulfilled" ? sharedFootprintSchema.safeParse(request.sharedFootprint).data : undefined;
  if (!shared) throw new OperationError("errors.validation", { requestId: ["supply.validation.notFulfilled"] });
  return {
    value: shared.value,
    declaredUnit: shared.declaredUnit,
    supplierName: shared.supplierName,
    link: { supplyRequestId: request.id, importedFootprintId: null },
    audit: { requestId: request.id, footprintId: shared.footprintId, footprintVersion: shared.footprintVersion, certificateNumber: shared.certificateNumber },
  };
}

/** Another organization's import is "not found", like a missing one. */
async function importedSource(tx: Tx, actor: UserActor, importedFootprintId: string): Promise<FootprintSource> {
  const [row] = await tx
    .select()
    .from(importedFootprints)
    .where(and(eq(importedFootprints.id, importedFootprintId), eq(importedFootprints.organizationId, actor.organizationId)));
  if (!row) throw new NotFoundError("supply.errors.importNotFound");
  return {
    value: row.value,
    declaredUnit: row.declaredUnit,
    supplierName: row.companyName,
    link: { supplyRequestId: null, importedFootprintId: row.id },
    audit: { importedFootprintId: row.id, footprintId: row.footprintId, selfDeclared: row.verification === null },
  };
}
