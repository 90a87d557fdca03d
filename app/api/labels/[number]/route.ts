import { NextResponse } from "next/server";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { publicLabelUrl } from "@/lib/rules/artifact-data";
import { publicDownloads } from "@/lib/rules/public-certificate";

/**
 * Clients and proxies ask again every time: the server answers from its own cache, which every
 * status change expires, so a change shows on the next request.
 */
const CACHE_CONTROL = "public, max-age=0, must-revalidate";

/**
 * The JSON form of the public verification page; `/labels/[number]` with
 * `Accept: application/json` is rewritten here (next.config.ts). The page's facts, the signed
 * credential and where to download the label; public fields only.
 */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const certificate = await findPublicCertificate((await params).number);
  const headers = { "Cache-Control": CACHE_CONTROL, Vary: "Accept" };
  if (!certificate) return NextResponse.json({ genuine: false, error: "not_found" }, { status: 404, headers });
  const baseUrl = publicBaseUrl(request.url);
  return NextResponse.json({ genuine: true, ...certificate, url: publicLabelUrl(baseUrl, certificate.number), downloads: publicDownloads(baseUrl, certificate.number) }, { headers });
}
