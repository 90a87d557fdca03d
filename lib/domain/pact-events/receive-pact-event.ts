import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { footprintRequests, pactEventDeliveries, pactPartners } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { listFootprints } from "@/lib/dal/pact/footprints";
import { ForbiddenError, OperationError } from "@/lib/errors";
import { deliveryDeadline } from "@/lib/pact/delivery-schedule";
import { requestFulfilledEvent, requestRejectedEvent, type IncomingPactEvent, type RequestCreatedEvent } from "@/lib/pact/events";
import { sourceBelongsTo } from "@/lib/pact/partner-url";
import { productFootprintProblems } from "@/lib/pact/validate";
import { assertUserCan, isApiClientActor, type Actor, type ApiClientActor } from "@/lib/policy";

export type ReceivePactEventInput = {
  event: IncomingPactEvent;
  /** The public origin: the `source` of our replies. */
  baseUrl: string;
};

export type ReceivedPactEvent = { accepted: true; duplicate: boolean; deliveryId?: string };

/** The most footprints one reply carries (a request normally names one product). */
export const MAX_REPLY_FOOTPRINTS = 100;

/** The registered partner whose base URL the event's `source` lies under (the most specific one). */
async function partnerOfSource(tx: Tx, actor: ApiClientActor, source: string) {
  const partners = await tx
    .select({ id: pactPartners.id, baseUrl: pactPartners.baseUrl })
    .from(pactPartners)
    .where(and(eq(pactPartners.organizationId, actor.organizationId), isNull(pactPartners.removedAt)));
  return partners.filter((partner) => sourceBelongsTo(source, partner.baseUrl)).sort((a, b) => b.baseUrl.length - a.baseUrl.length)[0] ?? null;
}

/**
 * A RequestCreatedEvent: answered from the footprints the sending client may read — fulfilled
 * with those that match, or rejected when none does (the request then waits in the enterprise's
 * inbox). The reply is queued for delivery to the partner the `source` belongs to; an unknown
 * source is refused, so the platform never calls an address nobody registered.
 */
async function receiveRequest(tx: Tx, actor: ApiClientActor, event: RequestCreatedEvent, baseUrl: string): Promise<ReceivedPactEvent> {
  const partner = await partnerOfSource(tx, actor, event.source);
  if (!partner) throw new ForbiddenError("pact.errors.unknownSource");
  const [earlier] = await tx
    .select({ id: footprintRequests.id })
    .from(footprintRequests)
    .where(and(eq(footprintRequests.organizationId, actor.organizationId), eq(footprintRequests.source, event.source), eq(footprintRequests.eventId, event.id)));
  // CloudEvents: `source` + `id` identify an event; a sender's retry is answered once.
  if (earlier) return { accepted: true, duplicate: true };

  const matches = await listFootprints(actor, event.filter, { limit: MAX_REPLY_FOOTPRINTS }, tx);
  const now = new Date();
  const reply = { id: crypto.randomUUID(), baseUrl, requestEventId: event.id, time: now };
  const outgoing =
    matches.items.length > 0
      ? requestFulfilledEvent(reply, matches.items)
      : requestRejectedEvent(reply, { code: "NotFound", message: "No certified footprint matches the request's criteria." });
  const [request] = await tx
    .insert(footprintRequests)
    .values({
      organizationId: actor.organizationId,
      partnerId: partner.id,
      apiClientId: actor.apiClient.id,
      eventId: event.id,
      source: event.source,
      criteria: event.data,
      outcome: matches.items.length > 0 ? "fulfilled" : "rejected",
      matchedFootprintIds: matches.items.map((footprint) => footprint.id),
    })
    .returning({ id: footprintRequests.id, outcome: footprintRequests.outcome });
  const [delivery] = await tx
    .insert(pactEventDeliveries)
    .values({
      organizationId: actor.organizationId,
      partnerId: partner.id,
      requestId: request.id,
      eventType: outgoing.type,
      event: outgoing,
      nextAttemptAt: now,
      deliverUntil: deliveryDeadline(now),
    })
    .returning({ id: pactEventDeliveries.id });
  await recordAuditEvent(tx, actor, {
    action: "footprintRequest.receive",
    entityType: "footprint_request",
    entityId: request.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { source: event.source, eventId: event.id, outcome: request.outcome, footprints: matches.items.map((footprint) => footprint.id) },
  });
  return { accepted: true, duplicate: false, deliveryId: delivery.id };
}

/**
 * `POST /3/events` for one of an enterprise's API clients. Footprint requests are answered (see
 * above). A PublishedEvent announces footprints of the sender's; a RequestFulfilled or
 * RequestRejected event answers a request of ours. The enterprise keeps no footprint of a
 * partner's and has sent no request yet (the supply-chain exchange builds on this), so those
 * are accepted once valid and change nothing.
 */
export async function receivePactEvent(tx: Tx, actor: Actor | null, { event, baseUrl }: ReceivePactEventInput): Promise<ReceivedPactEvent> {
  assertUserCan(actor, "pactEvent.submit");
  if (!isApiClientActor(actor)) throw new ForbiddenError();
  switch (event.kind) {
    case "requestCreated":
      return receiveRequest(tx, actor, event, baseUrl);
    case "requestFulfilled": {
      const invalid = event.pfs.findIndex((footprint) => productFootprintProblems(footprint).length > 0);
      if (invalid >= 0) throw new OperationError("pact.errors.invalidFootprint", { [`data.pfs.${invalid}`]: ["pact.errors.invalidFootprint"] });
      return { accepted: true, duplicate: false };
    }
    case "published":
    case "requestRejected":
      return { accepted: true, duplicate: false };
  }
}
