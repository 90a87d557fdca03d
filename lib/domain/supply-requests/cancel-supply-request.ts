import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { pactEventDeliveries } from "@/db/schema";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { SupplyRequestRefValues } from "@/lib/validation/schemas/supply";
import { lockSupplyRequest, transitionSupplyRequest } from "./own-request";
import { ConflictError } from "@/lib/errors";

/**
 * The requester withdraws its request: possible until it is fulfilled (a finished one stays as it
 * ended). A request to a PACT partner not yet delivered is not sent any more.
 */
export async function cancelSupplyRequest(tx: Tx, actor: Actor | null, input: SupplyRequestRefValues) {
  assertUserCan(actor, "supplyRequest.send");
  const request = await lockSupplyRequest(tx, actor, input.requestId, "requester");
  if (request.version !== input.expectedVersion) throw new ConflictError("supply.errors.changed");
  if (request.status !== "pending" && request.status !== "accepted") throw new ConflictError(`supply.errors.notWhen.${request.status}`);
  const abandoned = await tx
    .update(pactEventDeliveries)
    .set({ status: "abandoned", lastError: "cancelled" })
    .where(and(eq(pactEventDeliveries.supplyRequestId, request.id), eq(pactEventDeliveries.status, "pending")))
    .returning({ id: pactEventDeliveries.id });
  const updated = await transitionSupplyRequest(tx, {
    request,
    to: "cancelled",
    action: "supplyRequest.cancel",
    actor,
    data: abandoned.length > 0 ? { abandonedDeliveries: abandoned.length } : {},
  });
  if (request.supplierOrganizationId) {
    await notify(tx, {
      organizationId: request.supplierOrganizationId,
      kind: "supply.cancelled",
      params: { requester: actor.organizationName, product: request.productName },
    });
  }
  return { requestId: request.id, version: updated.version };
}
