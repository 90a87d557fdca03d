/**
 * The fixed vocabulary of CarbonLabel's PACT host (WBCSD "Technical Specifications for PCF Data
 * Exchange", version 3.0): what it publishes, where, and how. Pure and browser-safe.
 */

/** The version of the PACT Technical Specifications the footprints comply with (`specVersion`). */
export const PACT_SPEC_VERSION = "3.0.3";

/** CloudEvents 1.0 in structured content mode. */
export const CLOUDEVENTS_SPEC_VERSION = "1.0";
export const CLOUDEVENTS_MEDIA_TYPE = "application/cloudevents+json";

export const PACT_EVENT_TYPES = {
  requestCreated: "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3",
  requestFulfilled: "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3",
  requestRejected: "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3",
  published: "org.wbcsd.pact.ProductFootprint.PublishedEvent.3",
} as const;

/** The `code` of a PACT Error object, and the HTTP status each one goes with. */
export const PACT_ERROR_STATUS = {
  BadRequest: 400,
  AccessDenied: 403,
  TokenExpired: 401,
  NotFound: 404,
  InternalError: 500,
  NotImplemented: 501,
} as const;
export type PactErrorCode = keyof typeof PACT_ERROR_STATUS;

/** What every footprint on the platform is calculated and certified against. */
export const CROSS_SECTORAL_STANDARD = "ISO14067";
export const PRODUCT_RULE = { name: "GB/T 24067-2024", operator: "Standardization Administration of China (SAC)" } as const;
export const CERTIFICATION_SCHEME = "CNCA-CFP-00:2025";

/**
 * The Data Model Extension carrying the certificate's signed W3C credential (WBCSD "Technical
 * Specification for Data Model Extensions" 2.0.0: `specVersion`, `dataSchema`, `documentation`).
 */
export const DATA_MODEL_EXTENSION_SPEC_VERSION = "2.0.0";
export const CREDENTIAL_EXTENSION = {
  name: "certificate-credential",
  version: "1.0.0",
} as const;

export const PACT_PATHS = {
  footprints: "/3/footprints",
  footprint: (id: string) => `/3/footprints/${id}`,
  events: "/3/events",
  extensionSchema: `/pact/extensions/${CREDENTIAL_EXTENSION.name}/${CREDENTIAL_EXTENSION.version}/schema.json`,
  extensionDocumentation: `/pact/extensions/${CREDENTIAL_EXTENSION.name}/${CREDENTIAL_EXTENSION.version}`,
} as const;

/** A PACT host's own paths under a partner's base URL (PACT 3.0 "Authentication Flow", "Action Events"). */
export const PARTNER_PATHS = {
  openIdConfiguration: "/.well-known/openid-configuration",
  token: "/auth/token",
  events: "/3/events",
} as const;

/** PACT 3.0 event replies: retried with backoff, abandoned after 72 hours. */
export const DELIVERY_WINDOW_HOURS = 72;

/**
 * Why a delivery attempt failed, as stored on the delivery (`kind` or `kind:detail`, e.g.
 * `token:401`): the inbox explains each kind in the reader's language.
 */
const DELIVERY_ERROR_KINDS = ["token", "event", "network", "timeout", "secret", "removed", "cancelled", "unknown"] as const;
export type DeliveryErrorKind = (typeof DELIVERY_ERROR_KINDS)[number];

export function parseDeliveryError(stored: string): { kind: DeliveryErrorKind; detail: string } {
  const [kind, ...rest] = stored.split(":");
  const known = (DELIVERY_ERROR_KINDS as readonly string[]).includes(kind) ? (kind as DeliveryErrorKind) : "unknown";
  return { kind: known, detail: rest.join(":") };
}
