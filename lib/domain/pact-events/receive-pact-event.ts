import "server-only";
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { footprintRequests, pactEventDeliveries, pactPartners, supplyRequests } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { unitDimension } from "@/lib/calc/units";
import { listFootprints } from "@/lib/dal/pact/footprints";
import { keepImportedFootprint, type CredentialCheck } from "@/lib/domain/supply-requests/import-footprint";
import { isPastDue, transitionSupplyRequest } from "@/lib/domain/supply-requests/own-request";
import { ConflictError, ForbiddenError, NotFoundError, OperationError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { deliveryDeadline } from "@/lib/pact/delivery-schedule";
import {
  requestFulfilledEvent,
  requestRejectedEvent,
  type IncomingPactEvent,
  type RequestCreatedEvent,
  type RequestFulfilledEvent,
  type RequestRejectedEvent,
} from "@/lib/pact/events";
import { sourceBelongsTo } from "@/lib/pact/partner-url";
import { assertUserCan, isApiClientActor, type Actor, type ApiClientActor } from "@/lib/policy";

type ReceivePactEventInput = {
  event: IncomingPactEvent;
  /** The public origin: the `source` of our replies. */
  baseUrl: string;
  /** For a RequestFulfilledEvent: the check of each footprint's certificate credential, by its index in `pfs` (made by the adapter before the transaction). */
  credentials?: CredentialCheck[];
};

type ReceivedPactEvent = { accepted: true; duplicate: boolean; deliveryId?: string };

/** The most footprints one reply carries (a request normally names one product). */
const MAX_REPLY_FOOTPRINTS = 100;

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
 * A RequestFulfilledEvent or RequestRejectedEvent answering a footprint request the enterprise sent
 * to a partner: the `source` must lie under a partner the enterprise registered, and the
 * `requestEventId` name a request it sent to that very partner (another organization's, or one
 * sent to another partner, is "not found"). Fulfilled: every footprint is validated against the
 * PACT schema (the first problem refused with its field) and kept as an import of the requester's;
 * the first per a unit of the kind asked for fulfils the request. The requester is notified; a
 * sender's retry of the same event changes nothing more.
 */
async function receiveAnswer(
  tx: Tx,
  actor: ApiClientActor,
  event: RequestFulfilledEvent | RequestRejectedEvent,
  credentials: CredentialCheck[],
): Promise<ReceivedPactEvent> {
  const partner = await partnerOfSource(tx, actor, event.source);
  if (!partner) throw new ForbiddenError("pact.errors.unknownSource");
  const [request] = await tx
    .select()
    .from(supplyRequests)
    .where(
      and(
        eq(supplyRequests.requesterOrganizationId, actor.organizationId),
        eq(supplyRequests.partnerId, partner.id),
        eq(supplyRequests.requestEventId, event.requestEventId),
      ),
    )
    .for("update");
  if (!request) throw new NotFoundError("pact.errors.requestNotFound");
  if (request.answerEventId === event.id) return { accepted: true, duplicate: true };
  if ((request.status !== "pending" && request.status !== "accepted") || isPastDue(request)) throw new ConflictError("pact.errors.requestClosed");
  const [partnerRow] = await tx.select({ name: pactPartners.name }).from(pactPartners).where(eq(pactPartners.id, partner.id));

  if (event.kind === "requestRejected") {
    await transitionSupplyRequest(tx, {
      request,
      to: "declined",
      action: "supplyRequest.decline",
      actor,
      set: { declineReason: `${event.error.code}: ${event.error.message}`.slice(0, 2000), answerEventId: event.id },
      data: { eventId: event.id, source: event.source, code: event.error.code, reason: event.error.message },
    });
    await notify(tx, {
      organizationId: request.requesterOrganizationId,
      kind: "supply.rejectedByPartner",
      params: { supplier: partnerRow.name, product: request.productName, reason: event.error.message },
    });
    return { accepted: true, duplicate: false };
  }

  const kept: Awaited<ReturnType<typeof keepImportedFootprint>>[] = [];
  for (const [index, document] of event.pfs.entries()) {
    kept.push(
      await keepImportedFootprint(tx, actor, {
        document,
        fileName: event.source,
        credential: credentials[index] ?? null,
        partnerId: partner.id,
        field: `data.pfs.${index}`,
        reuse: true,
      }),
    );
  }
  const chosen = kept.find((footprint) => unitDimension(footprint.declaredUnit) !== null && unitDimension(footprint.declaredUnit) === unitDimension(request.declaredUnit));
  if (!chosen) throw new OperationError("errors.validation", { "data.pfs": ["supply.validation.unitMismatch"] });
  await transitionSupplyRequest(tx, {
    request,
    to: "fulfilled",
    action: "supplyRequest.fulfil",
    actor,
    set: { importedFootprintId: chosen.importedFootprintId, answerEventId: event.id },
    data: { eventId: event.id, source: event.source, footprintId: chosen.document.id, importedFootprintId: chosen.importedFootprintId, selfDeclared: !chosen.document.pcf.verification },
  });
  await notify(tx, {
    organizationId: request.requesterOrganizationId,
    kind: "supply.fulfilledByPartner",
    params: { supplier: partnerRow.name, product: request.productName, footprint: chosen.document.id },
  });
  return { accepted: true, duplicate: false };
}

/**
 * `POST /3/events` for one of an enterprise's API clients. Footprint requests are answered (see
 * above); a RequestFulfilled or RequestRejected event answers a request the enterprise sent to a
 * partner. A PublishedEvent announces footprints of the sender's: the enterprise keeps no
 * subscription to a partner's footprints, so it is accepted once valid and changes nothing.
 */
export async function receivePactEvent(tx: Tx, actor: Actor | null, { event, baseUrl, credentials = [] }: ReceivePactEventInput): Promise<ReceivedPactEvent> {
  assertUserCan(actor, "pactEvent.submit");
  if (!isApiClientActor(actor)) throw new ForbiddenError();
  switch (event.kind) {
    case "requestCreated":
      return receiveRequest(tx, actor, event, baseUrl);
    case "requestFulfilled":
    case "requestRejected":
      return receiveAnswer(tx, actor, event, credentials);
    case "published":
      return { accepted: true, duplicate: false };
  }
}
