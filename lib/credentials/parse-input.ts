/**
 * What a person may paste or drop into `/verify`: the compact JWS (`application/vc+jwt`), its
 * `data:` URL, or the JSON the platform offers for download (an enveloped verifiable credential
 * carrying the JWS). Anything else is named, so the page can say why it cannot be checked.
 */
import { ENVELOPED_CREDENTIAL_TYPE, VC_CONTEXT_V2, VC_JWT_DATA_URL_PREFIX } from "./vocabulary";

export type ParsedCredentialInput =
  | { ok: true; jws: string }
  | { ok: false; reason: "empty" | "unsecured" | "unsupportedProof" | "unrecognized" };

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function fromDataUrl(value: string): string | null {
  if (!value.startsWith(VC_JWT_DATA_URL_PREFIX)) return null;
  const jws = value.slice(VC_JWT_DATA_URL_PREFIX.length).trim();
  return COMPACT_JWS.test(jws) ? jws : null;
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  const types = value.type;
  return types === type || (Array.isArray(types) && types.includes(type));
}

function fromJson(value: unknown): ParsedCredentialInput {
  if (typeof value === "string") return parseCredentialInput(value);
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "unrecognized" };
  const object = value as Record<string, unknown>;
  if (hasType(object, ENVELOPED_CREDENTIAL_TYPE) && typeof object.id === "string") {
    const jws = fromDataUrl(object.id);
    return jws ? { ok: true, jws } : { ok: false, reason: "unrecognized" };
  }
  if (hasType(object, "VerifiableCredential")) {
    // A credential without its JWS: nothing binds its content to the issuer's key.
    return { ok: false, reason: object.proof ? "unsupportedProof" : "unsecured" };
  }
  return { ok: false, reason: "unrecognized" };
}

export function parseCredentialInput(raw: string): ParsedCredentialInput {
  const text = raw.trim();
  if (!text) return { ok: false, reason: "empty" };
  if (COMPACT_JWS.test(text)) return { ok: true, jws: text };
  const dataUrl = fromDataUrl(text);
  if (dataUrl) return { ok: true, jws: dataUrl };
  if (text.startsWith("{") || text.startsWith('"')) {
    try {
      return fromJson(JSON.parse(text));
    } catch {
      return { ok: false, reason: "unrecognized" };
    }
  }
  return { ok: false, reason: "unrecognized" };
}

/** The JSON form offered for download: the Data Model 2.0 envelope around the compact JWS. */
export function envelopedCredential(jws: string) {
  return {
    "@context": [VC_CONTEXT_V2],
    id: `${VC_JWT_DATA_URL_PREFIX}${jws}`,
    type: ENVELOPED_CREDENTIAL_TYPE,
  };
}
