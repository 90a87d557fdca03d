/**
 * The fixed vocabulary of CarbonLabel's credentials and where each published document lives.
 * Pure and browser-safe: the issuer (server) and the verifier (`/verify`, in the browser) share it.
 *
 * Specifications: W3C Verifiable Credentials Data Model 2.0, Securing Verifiable Credentials using
 * JOSE and COSE (compact JWS, media type `application/vc+jwt`), Bitstring Status List v1.0.
 */
import { STATUS_PURPOSES, type StatusPurpose } from "@/lib/enums";

/** The base context of the Data Model 2.0; it also defines the Bitstring Status List terms. */
export const VC_CONTEXT_V2 = "https://www.w3.org/ns/credentials/v2";

/** VC-JOSE-COSE: `typ` of a JWS-secured credential, and its `cty`. */
export const VC_JWT_TYP = "vc+jwt";
export const VC_JWT_CTY = "vc";
export const VC_JWT_MEDIA_TYPE = "application/vc+jwt";
/** The JSON form of a JOSE-secured credential (Data Model 2.0, enveloped verifiable credential). */
export const ENVELOPED_CREDENTIAL_TYPE = "EnvelopedVerifiableCredential";
export const VC_JWT_DATA_URL_PREFIX = `data:${VC_JWT_MEDIA_TYPE},`;

/** Ed25519 signatures, as the JWS algorithm `EdDSA` (RFC 8037). */
export const SIGNING_ALGORITHM = "EdDSA";

export const CERTIFICATE_CREDENTIAL_TYPE = "ProductCarbonFootprintCertificate";
export const CERTIFIED_FOOTPRINT_TYPE = "CertifiedProductCarbonFootprint";
export const STATUS_LIST_CREDENTIAL_TYPE = "BitstringStatusListCredential";

/** What every certificate on the platform is certified against. */
export const FOOTPRINT_STANDARD = "GB/T 24067-2024";
export const CERTIFICATION_SCHEME = "CNCA-CFP-00:2025";
export const FOOTPRINT_UNIT = "kg CO2e";

/**
 * Bitstring Status List v1.0: a list has at least 131,072 entries (16 KB uncompressed), so one
 * position says nothing about how many credentials the body has issued.
 */
export const STATUS_LIST_MIN_ENTRIES = 131_072;
/** How long a verifier may keep a status list before fetching it again (ms), matched by Cache-Control. */
export const STATUS_LIST_TTL_MS = 60_000;

export { STATUS_PURPOSES, type StatusPurpose };

export function isStatusPurpose(value: string): value is StatusPurpose {
  return (STATUS_PURPOSES as readonly string[]).includes(value);
}

/** Where the platform publishes; every path below is relative to it. */
export const CREDENTIAL_PATHS = {
  /** Every body's public keys (current and retired), as one JWKS. */
  platformJwks: "/.well-known/jwks.json",
  issuer: (bodyId: string) => `/issuers/${bodyId}`,
  issuerJwks: (bodyId: string) => `/issuers/${bodyId}/jwks.json`,
  statusList: (bodyId: string, purpose: StatusPurpose) => `/issuers/${bodyId}/status/${purpose}`,
  credential: (number: string) => `/api/labels/${encodeURIComponent(number)}/credential`,
  label: (number: string) => `/labels/${encodeURIComponent(number)}`,
} as const;

const ISSUER_PATH = /^\/issuers\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The body id of an issuer URL published by the platform at `baseUrl`, or null when the URL is
 * anyone else's: a verifier trusts only keys the platform itself publishes.
 */
export function platformIssuerBodyId(issuerId: string, baseUrl: string): string | null {
  let issuer: URL;
  let base: URL;
  try {
    issuer = new URL(issuerId);
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (issuer.origin !== base.origin || issuer.search || issuer.hash) return null;
  return ISSUER_PATH.exec(issuer.pathname)?.[1] ?? null;
}
