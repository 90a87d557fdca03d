import { NextResponse } from "next/server";
import { isStatusPurpose, STATUS_LIST_TTL_MS, VC_JWT_MEDIA_TYPE } from "@/lib/credentials/vocabulary";
import { statusListJws } from "@/lib/dal/credentials";

/** Matches the list's own `ttl`; `/verify` revalidates (ETag) so it always sees the live list. */
const CACHE_CONTROL = `public, max-age=${STATUS_LIST_TTL_MS / 1000}`;

/**
 * The body's signed Bitstring Status List credential for `revocation` or `suspension`, as the last
 * status change published it (compact JWS, `application/vc+jwt`).
 */
export async function GET(request: Request, { params }: { params: Promise<{ bodyId: string; purpose: string }> }) {
  const { bodyId, purpose } = await params;
  if (!isStatusPurpose(purpose)) return NextResponse.json({ error: "unknown_status_purpose" }, { status: 404 });
  const list = await statusListJws(bodyId, purpose);
  if (!list) return NextResponse.json({ error: "not_found" }, { status: 404 });
  const etag = `"${list.updatedAt.getTime().toString(36)}"`;
  const headers = { "Cache-Control": CACHE_CONTROL, ETag: etag };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(list.jws, { headers: { ...headers, "Content-Type": VC_JWT_MEDIA_TYPE } });
}
