import "server-only";
import crypto from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { API_SCOPES, type ApiScope } from "@/lib/enums";

/** Access tokens are short-lived: a leaked one is useless within the quarter hour. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 900;

/** RFC 9068 access-token JWT, for this API only. */
const TOKEN_TYPE = "at+jwt";
const AUDIENCE = "carbonlabel-api";
const SECRET_PREFIX = "cls_";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isClientIdFormat(value: string): boolean {
  return UUID.test(value);
}

/**
 * A new client secret: 256 random bits, base64url, with a prefix that secret scanners and
 * people recognise. With that much entropy a fast SHA-256 is a safe stored form (nothing
 * to brute-force), and the token endpoint stays cheap.
 */
export function generateClientSecret(): string {
  return SECRET_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashClientSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function clientSecretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashClientSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && crypto.timingSafeEqual(presented, stored);
}

let cachedKey: { secret: string; key: Uint8Array } | null = null;

/**
 * The HS256 key, derived from AUTH_SECRET (HKDF) so every instance shares it without another
 * secret to distribute, and a session cookie key is never used to sign API tokens directly.
 */
function signingKey(): Uint8Array {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: API access tokens can be neither signed nor verified.");
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: new Uint8Array(crypto.hkdfSync("sha256", secret, "carbonlabel", "api access token v1", 32)) };
  }
  return cachedKey.key;
}

type AccessTokenClaims = {
  clientId: string;
  /** The secret version the token was issued under: a rotation ends older tokens. */
  secretVersion: number;
  scopes: ApiScope[];
};

export async function signAccessToken(claims: AccessTokenClaims, issuer: string, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ scope: claims.scopes.join(" "), client_id: claims.clientId, ver: claims.secretVersion })
    .setProtectedHeader({ alg: "HS256", typ: TOKEN_TYPE })
    .setIssuer(issuer)
    .setSubject(claims.clientId)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_LIFETIME_SECONDS)
    .setJti(crypto.randomUUID())
    .sign(signingKey());
}

type VerifiedAccessToken = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: "expired" | "invalid" };

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** A space-separated scope list (RFC 6749 §3.3); null when any entry is not a scope. */
export function parseScopes(value: unknown): ApiScope[] | null {
  if (typeof value !== "string") return null;
  const scopes = value.split(" ").filter(Boolean);
  return scopes.every(isApiScope) ? [...new Set(scopes)] : null;
}

export async function verifyAccessToken(token: string): Promise<VerifiedAccessToken> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), { audience: AUDIENCE, algorithms: ["HS256"], typ: TOKEN_TYPE });
    const scopes = parseScopes(payload.scope);
    if (typeof payload.sub !== "string" || !isClientIdFormat(payload.sub) || !Number.isInteger(payload.ver) || !scopes) {
      return { ok: false, reason: "invalid" };
    }
    return { ok: true, claims: { clientId: payload.sub, secretVersion: payload.ver as number, scopes } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    if (error instanceof errors.JOSEError) return { ok: false, reason: "invalid" };
    throw error;
  }
}
