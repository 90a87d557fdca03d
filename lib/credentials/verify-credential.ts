/**
 * Verifies a certificate credential the way `/verify` does in the browser: the signature against
 * the keys this platform publishes for the issuing body, the validity period, and the live status
 * in the body's signed Bitstring Status Lists. Network access is injected (`fetchText`), so the
 * same code runs in the browser and in tests. Nothing here trusts a key or a list found anywhere
 * but on the platform itself.
 */
import { decodeJwt, errors, type JSONWebKeySet } from "jose";
import { credentialOfPayload, JwsFormatError, verifyCredentialJws } from "./jws";
import { parseCredentialInput, type ParsedCredentialInput } from "./parse-input";
import { decodeStatusList, statusBitAt } from "./status-list";
import {
  CREDENTIAL_PATHS,
  STATUS_LIST_CREDENTIAL_TYPE,
  STATUS_PURPOSES,
  platformIssuerBodyId,
  type StatusPurpose,
} from "./vocabulary";

type SignatureCheck =
  /** Signed by a key this platform publishes for the issuer, and unchanged since. */
  | "valid"
  /** The content or the signature was changed, or it was never signed by that key. */
  | "invalid"
  /** The issuer publishes no key with this `kid`. */
  | "unknownKey"
  /** The issuer is not a body of this platform: its keys cannot be vouched for here. */
  | "foreignIssuer"
  /** The published keys could not be fetched. */
  | "unavailable";

type ValidityCheck = "current" | "notYetValid" | "expired";

export type StatusCheck =
  | "unset"
  | "set"
  /** The credential names no entry for this purpose. */
  | "absent"
  /** The list could not be fetched. */
  | "unavailable"
  /** The list (or the entry pointing at it) fails its own checks: signature, issuer, purpose, size. */
  | "invalid";

export type Verdict =
  | "valid"
  | "invalid"
  | "untrusted"
  | "revoked"
  | "suspended"
  | "expired"
  | "notYetValid"
  | "statusUnknown"
  | "keysUnavailable";

export type VerificationReport =
  | { readable: false; reason: Exclude<ParsedCredentialInput, { ok: true }>["reason"] | "malformed" }
  | {
      readable: true;
      verdict: Verdict;
      signature: SignatureCheck;
      issuerId: string;
      /** Only once the signature is valid: the credential's content (without the JWT claims). */
      credential: Record<string, unknown> | null;
      validity: ValidityCheck | null;
      status: Record<StatusPurpose, StatusCheck> | null;
    };

type VerifyOptions = {
  /** The platform's own public base URL: issuers are recognised under it. */
  platformBaseUrl: string;
  /** Fetches a path of the platform (same origin); throws when the answer is not 2xx. */
  fetchText: (path: string) => Promise<string>;
  now?: Date;
};

type StatusEntry = { statusPurpose: unknown; statusListIndex: unknown; statusListCredential: unknown; type: unknown };

function asObject(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function issuerIdOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  const id = asObject(value)?.id;
  return typeof id === "string" ? id : null;
}

function validityOf(credential: Record<string, unknown>, now: Date): ValidityCheck {
  const from = typeof credential.validFrom === "string" ? Date.parse(credential.validFrom) : NaN;
  const until = typeof credential.validUntil === "string" ? Date.parse(credential.validUntil) : NaN;
  if (!Number.isNaN(from) && now.getTime() < from) return "notYetValid";
  if (!Number.isNaN(until) && now.getTime() > until) return "expired";
  return "current";
}

function statusEntries(credential: Record<string, unknown>): StatusEntry[] {
  const raw = credential.credentialStatus;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map(asObject).filter((entry): entry is Record<string, unknown> => entry !== null) as StatusEntry[];
}

async function checkStatus(
  entry: StatusEntry,
  purpose: StatusPurpose,
  context: { bodyId: string; issuerId: string; platformBaseUrl: string; jwks: JSONWebKeySet; fetchText: VerifyOptions["fetchText"] },
): Promise<StatusCheck> {
  const expectedList = `${context.platformBaseUrl}${CREDENTIAL_PATHS.statusList(context.bodyId, purpose)}`;
  const index = typeof entry.statusListIndex === "string" && /^\d+$/.test(entry.statusListIndex) ? Number(entry.statusListIndex) : NaN;
  if (entry.type !== "BitstringStatusListEntry" || entry.statusListCredential !== expectedList || !Number.isSafeInteger(index)) {
    return "invalid";
  }
  let listJws: string;
  try {
    listJws = (await context.fetchText(CREDENTIAL_PATHS.statusList(context.bodyId, purpose))).trim();
  } catch {
    return "unavailable";
  }
  try {
    const { payload } = await verifyCredentialJws(listJws, context.jwks);
    const types = payload.type;
    const subject = asObject(payload.credentialSubject);
    if (
      payload.id !== expectedList ||
      issuerIdOf(payload.issuer) !== context.issuerId ||
      !Array.isArray(types) ||
      !types.includes(STATUS_LIST_CREDENTIAL_TYPE) ||
      subject?.type !== "BitstringStatusList" ||
      subject.statusPurpose !== purpose ||
      typeof subject.encodedList !== "string"
    ) {
      return "invalid";
    }
    const bit = statusBitAt(await decodeStatusList(subject.encodedList), index);
    if (bit === null) return "invalid";
    return bit ? "set" : "unset";
  } catch {
    return "invalid";
  }
}

function verdictOf(signature: SignatureCheck, validity: ValidityCheck | null, status: Record<StatusPurpose, StatusCheck> | null): Verdict {
  if (signature === "invalid") return "invalid";
  if (signature === "foreignIssuer" || signature === "unknownKey") return "untrusted";
  if (signature === "unavailable") return "keysUnavailable";
  if (status?.revocation === "set") return "revoked";
  if (validity === "expired") return "expired";
  if (status?.suspension === "set") return "suspended";
  if (validity === "notYetValid") return "notYetValid";
  if (!status || STATUS_PURPOSES.some((purpose) => status[purpose] !== "unset")) return "statusUnknown";
  return "valid";
}

export async function verifyCredential(input: string, options: VerifyOptions): Promise<VerificationReport> {
  const parsed = parseCredentialInput(input);
  if (!parsed.ok) return { readable: false, reason: parsed.reason };
  let claimedIssuer: string | null;
  try {
    claimedIssuer = issuerIdOf(decodeJwt(parsed.jws).issuer);
  } catch {
    return { readable: false, reason: "malformed" };
  }
  if (!claimedIssuer) return { readable: false, reason: "malformed" };

  const unverified = (signature: SignatureCheck): VerificationReport => ({
    readable: true,
    verdict: verdictOf(signature, null, null),
    signature,
    issuerId: claimedIssuer,
    credential: null,
    validity: null,
    status: null,
  });

  const bodyId = platformIssuerBodyId(claimedIssuer, options.platformBaseUrl);
  if (!bodyId) return unverified("foreignIssuer");
  let jwks: JSONWebKeySet;
  try {
    jwks = JSON.parse(await options.fetchText(CREDENTIAL_PATHS.issuerJwks(bodyId))) as JSONWebKeySet;
    if (!Array.isArray(jwks?.keys)) return unverified("unavailable");
  } catch {
    return unverified("unavailable");
  }

  let payload: Record<string, unknown>;
  try {
    payload = (await verifyCredentialJws(parsed.jws, jwks)).payload;
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return unverified("unknownKey");
    if (error instanceof JwsFormatError || error instanceof errors.JOSEError) return unverified("invalid");
    throw error;
  }
  // The verified payload must name the issuer whose keys verified it (and agree with `iss`).
  if (issuerIdOf(payload.issuer) !== claimedIssuer || (payload.iss !== undefined && payload.iss !== claimedIssuer)) {
    return unverified("invalid");
  }

  const credential = credentialOfPayload(payload);
  const validity = validityOf(credential, options.now ?? new Date());
  const entries = statusEntries(credential);
  const context = { bodyId, issuerId: claimedIssuer, platformBaseUrl: options.platformBaseUrl, jwks, fetchText: options.fetchText };
  const checks = await Promise.all(
    STATUS_PURPOSES.map(async (purpose): Promise<[StatusPurpose, StatusCheck]> => {
      const mine = entries.filter((entry) => entry.statusPurpose === purpose);
      if (mine.length === 0) return [purpose, "absent"];
      if (mine.length > 1) return [purpose, "invalid"];
      return [purpose, await checkStatus(mine[0], purpose, context)];
    }),
  );
  const status = Object.fromEntries(checks) as Record<StatusPurpose, StatusCheck>;
  return {
    readable: true,
    verdict: verdictOf("valid", validity, status),
    signature: "valid",
    issuerId: claimedIssuer,
    credential,
    validity,
    status,
  };
}
