import { NextResponse } from "next/server";
import { platformBaseUrl } from "@/lib/credentials/platform-base-url";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { LABEL_PAGE_CACHE_CONTROL } from "@/lib/http/label-page-routes";
import { publicLabelUrl } from "@/lib/rules/artifact-data";
import { publicDownloads } from "@/lib/rules/public-certificate";

/**
 * Made on the first request for a number, then served from the render cache like the page: every
 * status change expires the certificate's tag (lib/dal/public-certificates.ts), and an answer is
 * made again at most this many seconds after it was made (expiry by date; changes made outside
 * the portal). It reads nothing of the request: its links are under PUBLIC_BASE_URL.
 */
export const revalidate = 60;
export const dynamic = "force-static";

/** No answer is made at build time: each number's is made on its first request. */
export function generateStaticParams(): { number: string }[] {
  return [];
}

/**
 * The JSON form of the public verification page; `/labels/[number]` with
 * `Accept: application/json` is rewritten here (lib/http/label-page-routes.ts). The page's facts,
 * the signed credential and where to download the label; public fields only. A database outage
 * is not caught here: the cache keeps serving the answer it has (an answer made during the outage
 * would replace it), as it does for the page.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ number: string }> }) {
  const certificate = await findPublicCertificate((await params).number);
  // As the page's: clients and proxies ask again every time, and this server answers from its cache.
  const headers = { "Cache-Control": LABEL_PAGE_CACHE_CONTROL, Vary: "Accept" };
  if (!certificate) return NextResponse.json({ genuine: false, error: "not_found" }, { status: 404, headers });
  const baseUrl = platformBaseUrl();
  return NextResponse.json({ genuine: true, ...certificate, url: publicLabelUrl(baseUrl, certificate.number), downloads: publicDownloads(baseUrl, certificate.number) }, { headers });
}
