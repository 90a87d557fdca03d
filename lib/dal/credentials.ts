import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { certificateCredentials, certificates, organizations, signingKeys, statusListCredentials } from "@/db/schema";
import { normalizeCertificateNumber, isCertificateNumberFormat } from "@/lib/certificates/number";
import { SIGNING_ALGORITHM, CREDENTIAL_PATHS, STATUS_PURPOSES, type StatusPurpose } from "@/lib/credentials/vocabulary";
import { decideOnSigningKeys, type Actor } from "@/lib/policy";

/**
 * Public by design: public keys, signed status lists and the credentials of certificates whose
 * labels are printed on products. Private keys never leave lib/domain/credentials.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type PublicJwk = { kty: string; crv: string; x: string; kid: string; alg: string; use: "sig" };

const KEY_COLUMNS = {
  kid: signingKeys.kid,
  publicJwk: signingKeys.publicJwk,
  verificationBodyId: signingKeys.verificationBodyId,
};

function toJwk(row: { kid: string; publicJwk: { kty: string; crv: string; x: string } }): PublicJwk {
  return { ...row.publicJwk, kid: row.kid, alg: SIGNING_ALGORITHM, use: "sig" };
}

/** Every body's keys, current and retired: the platform's well-known JWKS. */
export async function platformJwks(): Promise<{ keys: PublicJwk[] }> {
  const rows = await db.select(KEY_COLUMNS).from(signingKeys).orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid));
  return { keys: rows.map(toJwk) };
}

async function verificationBody(bodyId: string) {
  if (!UUID.test(bodyId)) return null;
  const [body] = await db
    .select({ id: organizations.id, kind: organizations.kind, name: organizations.name, nameEn: organizations.nameEn, accreditationNo: organizations.accreditationNo })
    .from(organizations)
    .where(eq(organizations.id, bodyId));
  return body?.kind === "verification_body" ? body : null;
}

/** One body's keys (current and retired); null when no verification body has this id. */
export async function issuerJwks(bodyId: string): Promise<{ keys: PublicJwk[] } | null> {
  if (!(await verificationBody(bodyId))) return null;
  const rows = await db
    .select(KEY_COLUMNS)
    .from(signingKeys)
    .where(eq(signingKeys.verificationBodyId, bodyId))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid));
  return { keys: rows.map(toJwk) };
}

/** What the issuer URL of a credential answers: who the body is and where its keys and lists are. */
export async function issuerProfile(bodyId: string, baseUrl: string) {
  const body = await verificationBody(bodyId);
  if (!body) return null;
  return {
    id: `${baseUrl}${CREDENTIAL_PATHS.issuer(body.id)}`,
    type: "VerificationBody",
    name: body.name,
    nameEn: body.nameEn,
    accreditationNo: body.accreditationNo,
    jwks: `${baseUrl}${CREDENTIAL_PATHS.issuerJwks(body.id)}`,
    statusLists: Object.fromEntries(STATUS_PURPOSES.map((purpose) => [purpose, `${baseUrl}${CREDENTIAL_PATHS.statusList(body.id, purpose)}`])),
  };
}

/** The signed status list credential (compact JWS) as last published, or null. */
export async function statusListJws(bodyId: string, purpose: StatusPurpose): Promise<{ jws: string; updatedAt: Date } | null> {
  if (!UUID.test(bodyId)) return null;
  const [row] = await db
    .select({ jws: statusListCredentials.jws, updatedAt: statusListCredentials.updatedAt })
    .from(statusListCredentials)
    .where(and(eq(statusListCredentials.verificationBodyId, bodyId), eq(statusListCredentials.purpose, purpose)));
  return row ?? null;
}

/** A certificate's signed credential by its number; null when malformed, unknown or not signed. */
export async function certificateCredentialByNumber(rawNumber: string): Promise<{ number: string; jws: string } | null> {
  const number = normalizeCertificateNumber(rawNumber);
  if (!isCertificateNumberFormat(number)) return null;
  const [row] = await db
    .select({ number: certificates.number, jws: certificateCredentials.jws })
    .from(certificates)
    .innerJoin(certificateCredentials, eq(certificateCredentials.certificateId, certificates.id))
    .where(eq(certificates.number, number))
    .limit(1);
  return row ?? null;
}

type SigningKeyRow = { kid: string; status: "active" | "retired"; createdAt: Date; retiredAt: Date | null };

export type BodySigningKeys = {
  body: { id: string; name: string; nameEn: string | null };
  keys: SigningKeyRow[];
  canRotate: boolean;
};

async function keysOfBody(body: { id: string; name: string; nameEn: string | null }, canRotate: boolean): Promise<BodySigningKeys> {
  const keys = await db
    .select({ kid: signingKeys.kid, status: signingKeys.status, createdAt: signingKeys.createdAt, retiredAt: signingKeys.retiredAt })
    .from(signingKeys)
    .where(eq(signingKeys.verificationBodyId, body.id))
    .orderBy(desc(signingKeys.createdAt));
  return { body, keys, canRotate };
}

/**
 * The signing keys a page may show: the actor's own body (its staff), or every body (the admin).
 * Empty for anyone else.
 */
export async function signingKeysFor(actor: Actor | null): Promise<BodySigningKeys[]> {
  const bodies = await db
    .select({ id: organizations.id, kind: organizations.kind, name: organizations.name, nameEn: organizations.nameEn })
    .from(organizations)
    .where(eq(organizations.kind, "verification_body"))
    .orderBy(asc(organizations.name));
  const visible = bodies.filter((body) => decideOnSigningKeys(actor, "signingKey.read", body).allowed);
  return Promise.all(
    visible.map(({ id, name, nameEn, kind }) =>
      keysOfBody({ id, name, nameEn }, decideOnSigningKeys(actor, "signingKey.rotate", { id, kind }).allowed),
    ),
  );
}
