/**
 * PACT 3.0 events: CloudEvents 1.0 in structured mode. Incoming events are parsed into one of
 * the four PACT event kinds or refused with a reason (a 400 for the sender); outgoing replies are
 * built here so every reply has the same envelope.
 */
import { z } from "@/lib/validation/zod";
import { buildFilter, FILTER_CRITERIA, hasCriteria, parseInstant, type FilterCriterion, type FootprintFilter } from "./filters";
import type { ProductFootprint } from "./footprint";
import { CLOUDEVENTS_SPEC_VERSION, PACT_EVENT_TYPES, PACT_PATHS, type PactErrorCode } from "./vocabulary";

/** The CloudEvents attributes every PACT event carries (others, such as extensions, are allowed). */
const envelopeSchema = z.looseObject({
  specversion: z.literal(CLOUDEVENTS_SPEC_VERSION),
  id: z.string().min(1).max(500),
  source: z.string().min(1).max(2000),
  type: z.string().min(1).max(200),
  time: z.string().refine((value) => parseInstant(value) !== null),
  data: z.record(z.string(), z.unknown()),
});

/** A criterion may be sent as one value or a list of them. */
const criterionValues = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(100)]).optional();

const requestCriteriaSchema = z.looseObject({
  ...Object.fromEntries(FILTER_CRITERIA.map((criterion) => [criterion, criterionValues])),
  comment: z.string().max(10_000).optional(),
});

const publishedSchema = z.looseObject({ pfIds: z.array(z.uuid()).min(1).max(1000) });

const fulfilledSchema = z.looseObject({
  requestEventId: z.string().min(1).max(500),
  pfs: z.array(z.record(z.string(), z.unknown())).min(1).max(1000),
});

const rejectedSchema = z.looseObject({
  requestEventId: z.string().min(1).max(500),
  error: z.looseObject({ code: z.string().min(1).max(100), message: z.string().min(1).max(10_000) }),
});

type Envelope = { id: string; source: string; time: string };

export type RequestCreatedEvent = Envelope & {
  kind: "requestCreated";
  /** The criteria and comment as received, kept with the request. */
  data: Record<string, unknown>;
  filter: FootprintFilter;
};
export type PublishedEvent = Envelope & { kind: "published"; pfIds: string[] };
export type RequestFulfilledEvent = Envelope & { kind: "requestFulfilled"; requestEventId: string; pfs: Record<string, unknown>[] };
export type RequestRejectedEvent = Envelope & { kind: "requestRejected"; requestEventId: string; error: { code: string; message: string } };
export type IncomingPactEvent = RequestCreatedEvent | PublishedEvent | RequestFulfilledEvent | RequestRejectedEvent;

type ParsedEvent = { ok: true; event: IncomingPactEvent } | { ok: false; reason: string };

function issuesText(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${[prefix, ...issue.path].filter((part) => part !== "").join(".")}: ${issue.code.replaceAll("_", " ")}`)
    .join("; ");
}

function values(value: unknown): string[] {
  return value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
}

/** Parses a structured-mode CloudEvent body into a PACT event, or says why it is not one. */
export function parsePactEvent(body: unknown): ParsedEvent {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, reason: `Not a CloudEvents 1.0 event: ${issuesText(envelope.error, "")}` };
  const { id, source, time, type, data } = envelope.data;
  const base = { id, source, time };
  switch (type) {
    case PACT_EVENT_TYPES.requestCreated: {
      const criteria = requestCriteriaSchema.safeParse(data);
      if (!criteria.success) return { ok: false, reason: `Invalid request criteria: ${issuesText(criteria.error, "data")}` };
      const byCriterion = Object.fromEntries(
        FILTER_CRITERIA.map((criterion) => [criterion, values(criteria.data[criterion])]),
      ) as Record<FilterCriterion, string[]>;
      const filter = buildFilter(byCriterion);
      if (!hasCriteria(filter)) return { ok: false, reason: "A footprint request names at least one criterion (productId, companyId, geography, …)." };
      return { ok: true, event: { ...base, kind: "requestCreated", data, filter } };
    }
    case PACT_EVENT_TYPES.published: {
      const parsed = publishedSchema.safeParse(data);
      if (!parsed.success) return { ok: false, reason: `Invalid PublishedEvent: ${issuesText(parsed.error, "data")}` };
      return { ok: true, event: { ...base, kind: "published", pfIds: parsed.data.pfIds } };
    }
    case PACT_EVENT_TYPES.requestFulfilled: {
      const parsed = fulfilledSchema.safeParse(data);
      if (!parsed.success) return { ok: false, reason: `Invalid RequestFulfilledEvent: ${issuesText(parsed.error, "data")}` };
      return { ok: true, event: { ...base, kind: "requestFulfilled", requestEventId: parsed.data.requestEventId, pfs: parsed.data.pfs } };
    }
    case PACT_EVENT_TYPES.requestRejected: {
      const parsed = rejectedSchema.safeParse(data);
      if (!parsed.success) return { ok: false, reason: `Invalid RequestRejectedEvent: ${issuesText(parsed.error, "data")}` };
      return { ok: true, event: { ...base, kind: "requestRejected", requestEventId: parsed.data.requestEventId, error: parsed.data.error } };
    }
    default:
      return { ok: false, reason: `Unsupported event type "${type}".` };
  }
}

export type OutgoingPactEvent = {
  specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  id: string;
  source: string;
  time: string;
  type: string;
  data: Record<string, unknown>;
};

type ReplyContext = { id: string; baseUrl: string; requestEventId: string; time: Date };

function envelope(context: ReplyContext, type: string, data: Record<string, unknown>): OutgoingPactEvent {
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: context.id,
    source: `${context.baseUrl}${PACT_PATHS.events}`,
    time: context.time.toISOString(),
    type,
    data: { requestEventId: context.requestEventId, ...data },
  };
}

export function requestFulfilledEvent(context: ReplyContext, pfs: ProductFootprint[]): OutgoingPactEvent {
  return envelope(context, PACT_EVENT_TYPES.requestFulfilled, { pfs });
}

export function requestRejectedEvent(context: ReplyContext, error: { code: PactErrorCode; message: string }): OutgoingPactEvent {
  return envelope(context, PACT_EVENT_TYPES.requestRejected, { error });
}

/** What an enterprise asks a partner's host for: the product as the supplier names it, and the request's context. */
type OutgoingRequest = {
  productName: string;
  productModel: string | null;
  partNumber: string | null;
  declaredUnit: string;
  quantityContext: string | null;
  dueOn: string;
  message: string | null;
};

/**
 * A product reference as a PACT product id (a URN): one the requester gave as a URN is sent as it
 * is; a plain part number, model or name is wrapped in a URN of ours, so the filter stays valid
 * and the supplier's host can still read what was asked for.
 */
function productUrn(value: string): string {
  return /^urn:/i.test(value) ? value : `urn:carbonlabel:product:${encodeURIComponent(value)}`;
}

/**
 * A RequestCreatedEvent for a footprint request the enterprise sends to a partner: the product's
 * identifiers as `productId`, and what PACT has no criterion for (name, unit, quantity, due date,
 * message) in the `comment`. Its `id` is what the partner's answer names as `requestEventId`.
 */
export function requestCreatedEvent(context: { id: string; baseUrl: string; time: Date }, request: OutgoingRequest): OutgoingPactEvent {
  const references = [request.partNumber, request.productModel].filter((value): value is string => Boolean(value));
  const comment = [
    `Product: ${request.productName}`,
    request.productModel ? `Model: ${request.productModel}` : null,
    request.partNumber ? `Part number: ${request.partNumber}` : null,
    `Declared unit: ${request.declaredUnit}`,
    request.quantityContext ? `Quantity: ${request.quantityContext}` : null,
    `Due: ${request.dueOn}`,
    request.message ?? null,
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: context.id,
    source: `${context.baseUrl}${PACT_PATHS.events}`,
    time: context.time.toISOString(),
    type: PACT_EVENT_TYPES.requestCreated,
    data: { productId: (references.length > 0 ? references : [request.productName]).map(productUrn), comment },
  };
}
