import "server-only";
import type { Tx } from "@/db";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { SupplyRequestRefValues } from "@/lib/validation/schemas/supply";
import { assertRequestState, lockSupplyRequest, transitionSupplyRequest } from "./own-request";

/** The supplier takes the request on: it will answer with a certified footprint. */
export async function acceptSupplyRequest(tx: Tx, actor: Actor | null, input: SupplyRequestRefValues) {
  assertUserCan(actor, "supplyRequest.answer");
  const request = await lockSupplyRequest(tx, actor, input.requestId, "supplier");
  assertRequestState(request, input.expectedVersion, ["pending"]);
  const updated = await transitionSupplyRequest(tx, { request, to: "accepted", action: "supplyRequest.accept", actor, set: { answeredBy: actor.id } });
  await notify(tx, {
    organizationId: request.requesterOrganizationId,
    kind: "supply.accepted",
    params: { supplier: actor.organizationName, product: request.productName },
  });
  return { requestId: request.id, version: updated.version };
}
