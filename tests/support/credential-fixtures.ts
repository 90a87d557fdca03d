/**
 * Credential test helpers: the platform's published documents fetched through the real route
 * handlers (as `/verify` fetches them), and an Ed25519 check by an implementation other than the
 * one that signs (@noble/ed25519, pure JavaScript, instead of jose over Node's OpenSSL).
 */
import * as ed from "@noble/ed25519";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { certificateCredentials } from "@/db/schema";
import { GET as issuerJwksRoute } from "@/app/issuers/[bodyId]/jwks.json/route";
import { GET as statusListRoute } from "@/app/issuers/[bodyId]/status/[purpose]/route";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { decodeStatusList, statusBitAt } from "@/lib/credentials/status-list";
import type { StatusPurpose } from "@/lib/credentials/vocabulary";

export async function fetchFromPlatform(path: string): Promise<string> {
  const request = new Request(`${platformBaseUrl()}${path}`);
  const jwks = /^\/issuers\/([^/]+)\/jwks\.json$/.exec(path);
  const list = /^\/issuers\/([^/]+)\/status\/([^/]+)$/.exec(path);
  const response = jwks
    ? await issuerJwksRoute(request, { params: Promise.resolve({ bodyId: jwks[1] }) })
    : list
      ? await statusListRoute(request, { params: Promise.resolve({ bodyId: list[1], purpose: list[2] }) })
      : new Response("not found", { status: 404 });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

export async function credentialOf(certificateId: string) {
  const [row] = await db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificateId));
  return row;
}

export function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
}

export function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** RFC 7515 §5.2 by hand: the signature over `header.payload` with the JWK's raw Ed25519 key. */
export async function independentlyVerified(jws: string, jwk: { x: string }): Promise<boolean> {
  const [header, payload, signature] = jws.split(".");
  return ed.verifyAsync(
    Buffer.from(signature, "base64url"),
    new TextEncoder().encode(`${header}.${payload}`),
    Buffer.from(jwk.x, "base64url"),
  );
}

export async function publishedKeys(bodyId: string): Promise<Array<{ kid: string; x: string }>> {
  return JSON.parse(await fetchFromPlatform(`/issuers/${bodyId}/jwks.json`)).keys;
}

/** The bit a credential's entry points at, read from the list as served. */
export async function publishedStatusBit(bodyId: string, purpose: StatusPurpose, index: number): Promise<boolean | null> {
  const jws = await fetchFromPlatform(`/issuers/${bodyId}/status/${purpose}`);
  const payload = decodeSegment(jws.split(".")[1]) as { credentialSubject: { encodedList: string } };
  return statusBitAt(await decodeStatusList(payload.credentialSubject.encodedList), index);
}
