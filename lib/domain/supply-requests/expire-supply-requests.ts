import "server-only";
import { asc, inArray, lt, and } from "drizzle-orm";
import type { Tx } from "@/db";
import { supplyRequests } from "@/db/schema";
import { todayInShanghai } from "@/lib/certificates/validity";
import { OPEN_SUPPLY_REQUEST_STATUSES } from "@/lib/enums";
import { notify } from "@/lib/notifications/notify";
import { assertCan, type Actor } from "@/lib/policy";
import { transitionSupplyRequest } from "./own-request";

/**
 * The platform's round: every pending or accepted request whose due date (Shanghai) has passed
 * becomes expired, each audited and both sides told. Idempotent — a request already moved on is
 * skipped, so running it twice (or on two instances) expires each request once.
 */
export async function expireSupplyRequests(tx: Tx, actor: Actor | null, input: { today?: string; limit?: number } = {}) {
  assertCan(actor, "supplyRequest.expire");
  const today = input.today ?? todayInShanghai();
  const due = await tx
    .select()
    .from(supplyRequests)
    .where(and(inArray(supplyRequests.status, OPEN_SUPPLY_REQUEST_STATUSES), lt(supplyRequests.dueOn, today)))
    .orderBy(asc(supplyRequests.dueOn), asc(supplyRequests.id))
    .limit(input.limit ?? 500)
    .for("update", { skipLocked: true });
  for (const request of due) {
    await transitionSupplyRequest(tx, { request, to: "expired", action: "supplyRequest.expire", actor: null, data: { dueOn: request.dueOn } });
    const params = { product: request.productName, dueOn: request.dueOn };
    await notify(tx, { organizationId: request.requesterOrganizationId, kind: "supply.expired", params });
    if (request.supplierOrganizationId) await notify(tx, { organizationId: request.supplierOrganizationId, kind: "supply.expired", params });
  }
  return { expired: due.length };
}
