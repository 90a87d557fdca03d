import { NextResponse } from "next/server";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { publicLabelUrl } from "@/lib/domain/certificates/artifact-data";

/** Short shared caching (CDN, proxies): a status change shows within seconds, repeated scans cost nothing. */
const CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=30";

/**
 * The JSON form of the public verification page; `/labels/[number]` with
 * `Accept: application/json` is rewritten here (next.config.ts). Public fields only.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const certificate = await findPublicCertificate(decodeURIComponent((await params).number));
  const headers = { "Cache-Control": CACHE_CONTROL, Vary: "Accept" };
  if (!certificate) return NextResponse.json({ genuine: false, error: "not_found" }, { status: 404, headers });
  return NextResponse.json(
    { genuine: true, ...certificate, url: publicLabelUrl(publicBaseUrl(request.url), certificate.number) },
    { headers },
  );
}
