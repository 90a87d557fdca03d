import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { certificates, productFootprints } from "@/db/schema";
import { unitDimension } from "@/lib/calc/units";
import { todayInShanghai } from "@/lib/certificates/validity";
import { OperationError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import type { ProductFootprint } from "@/lib/pact/footprint";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { buildSharedFootprint } from "@/lib/rules/shared-footprint";
import type { FulfilSupplyRequestValues } from "@/lib/validation/schemas/supply";
import { assertRequestState, lockSupplyRequest, transitionSupplyRequest } from "./own-request";

/**
 * The supplier answers with one of its own certified footprints — active (certificate valid and
 * unexpired, footprint not deprecated) and per a unit of the dimension asked for — sharing its
 * value and unit and only the parts it ticked. The share is frozen on the request.
 */
export async function fulfilSupplyRequest(tx: Tx, actor: Actor | null, input: FulfilSupplyRequestValues) {
  assertUserCan(actor, "supplyRequest.answer");
  const request = await lockSupplyRequest(tx, actor, input.requestId, "supplier");
  assertRequestState(request, input.expectedVersion, ["pending", "accepted"]);
  const [row] = await tx
    .select({ footprint: productFootprints, certificate: certificates })
    .from(productFootprints)
    .innerJoin(certificates, eq(certificates.id, productFootprints.certificateId))
    .where(and(eq(productFootprints.id, input.footprintId), eq(productFootprints.organizationId, actor.organizationId)));
  if (!row) throw new OperationError("errors.validation", { footprintId: ["supply.validation.footprint"] });
  const { footprint, certificate } = row;
  if (footprint.deprecatedAt || certificate.status !== "valid" || certificate.expiresOn < todayInShanghai()) {
    throw new OperationError("errors.validation", { footprintId: ["supply.validation.footprintNotActive"] });
  }
  const snapshot = certificate.snapshot as CertificateSnapshot;
  const declaredUnit = snapshot.inventory.product.declaredUnit;
  if (unitDimension(declaredUnit) === null || unitDimension(declaredUnit) !== unitDimension(request.declaredUnit)) {
    throw new OperationError("errors.validation", { footprintId: ["supply.validation.unitMismatch"] });
  }
  const shared = buildSharedFootprint({
    footprintId: footprint.id,
    precedingFootprintCount: (footprint.document as ProductFootprint).precedingPfIds?.length ?? 0,
    certificate: { ...certificate, snapshot },
    fields: input.fields,
    sharedAt: new Date(),
  });
  const updated = await transitionSupplyRequest(tx, {
    request,
    to: "fulfilled",
    action: "supplyRequest.fulfil",
    actor,
    set: { fulfilledFootprintId: footprint.id, fulfilledCertificateId: certificate.id, sharedFootprint: shared, answeredBy: actor.id },
    data: { footprintId: footprint.id, certificateNumber: certificate.number, fields: input.fields },
  });
  await notify(tx, {
    organizationId: request.requesterOrganizationId,
    kind: "supply.fulfilled",
    params: { supplier: actor.organizationName, product: request.productName, number: certificate.number },
  });
  return { requestId: request.id, version: updated.version };
}
