import "server-only";
import type { Tx } from "@/db";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { DeclineSupplyRequestValues } from "@/lib/validation/schemas/supply";
import { assertRequestState, lockSupplyRequest, transitionSupplyRequest } from "./own-request";

/** The supplier will not share a footprint for this product, and says why. */
export async function declineSupplyRequest(tx: Tx, actor: Actor | null, input: DeclineSupplyRequestValues) {
  assertUserCan(actor, "supplyRequest.answer");
  const request = await lockSupplyRequest(tx, actor, input.requestId, "supplier");
  assertRequestState(request, input.expectedVersion, ["pending", "accepted"]);
  const updated = await transitionSupplyRequest(tx, {
    request,
    to: "declined",
    action: "supplyRequest.decline",
    actor,
    set: { declineReason: input.reason, answeredBy: actor.id },
    data: { reason: input.reason },
  });
  await notify(tx, {
    organizationId: request.requesterOrganizationId,
    kind: "supply.declined",
    params: { supplier: actor.organizationName, product: request.productName, reason: input.reason },
  });
  return { requestId: request.id, version: updated.version };
}
