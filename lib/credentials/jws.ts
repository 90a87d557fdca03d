/**
 * VC-JOSE-COSE: a credential secured as a compact JWS whose payload is the credential itself
 * (`typ` vc+jwt, `cty` vc), signed with Ed25519 (`EdDSA`) through `jose`. The registered JWT
 * claims repeat the credential's own values (never conflicting ones) so plain JWT tooling checks
 * the issuer and the validity period too.
 */
import { CompactSign, compactVerify, createLocalJWKSet, type JSONWebKeySet } from "jose";
import { SIGNING_ALGORITHM, VC_JWT_CTY, VC_JWT_TYP } from "./vocabulary";

type SigningKeyInput = Parameters<CompactSign["sign"]>[0];

type SignableCredential = {
  id: string;
  issuer: { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id?: string };
};

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

export async function signCredential(
  credential: SignableCredential,
  signer: { key: SigningKeyInput; kid: string },
  issuedAt: Date = new Date(),
): Promise<string> {
  const claims = {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    ...(credential.credentialSubject.id ? { sub: credential.credentialSubject.id } : {}),
    iat: Math.floor(issuedAt.getTime() / 1000),
    nbf: seconds(credential.validFrom),
    ...(credential.validUntil ? { exp: seconds(credential.validUntil) } : {}),
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, typ: VC_JWT_TYP, cty: VC_JWT_CTY, kid: signer.kid })
    .sign(signer.key);
}

/** Claims the JOSE layer added; the rest of the payload is the credential. */
const JWT_CLAIMS = ["iss", "jti", "sub", "iat", "nbf", "exp"] as const;

export function credentialOfPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !(JWT_CLAIMS as readonly string[]).includes(key)));
}

type VerifiedJws = { kid: string; payload: Record<string, unknown> };

export class JwsFormatError extends Error {}

/**
 * Checks the signature against `jwks` (EdDSA only, `typ` vc+jwt) and returns the payload. Throws
 * jose's errors for a bad signature or an unknown key, JwsFormatError for a payload that is not
 * a JSON object. Claims are not judged here: the caller reports validity and status itself.
 */
export async function verifyCredentialJws(jws: string, jwks: JSONWebKeySet): Promise<VerifiedJws> {
  const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks), { algorithms: [SIGNING_ALGORITHM] });
  if (protectedHeader.typ !== VC_JWT_TYP) throw new JwsFormatError(`typ is ${String(protectedHeader.typ)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw new JwsFormatError("payload is not JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new JwsFormatError("payload is not an object");
  return { kid: String(protectedHeader.kid ?? ""), payload: parsed as Record<string, unknown> };
}
