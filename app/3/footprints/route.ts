import { footprintCursor, listFootprints, type FootprintCursor } from "@/lib/dal/pact/footprints";
import { PactError, pactJson, pactRoute } from "@/lib/http/pact";
import { translateMessage } from "@/lib/http/api/translate";
import { filterFromQuery } from "@/lib/pact/filters";

export const dynamic = "force-dynamic";

/** Without `limit` a page holds this many; a larger `limit` is served a page at a time too. */
const PAGE_SIZE = 100;

/** The position a pagination link carries, or null when the value is not one of ours. */
function cursorOf(value: string): FootprintCursor | null {
  try {
    const parsed = footprintCursor.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * PACT ListFootprints: the client's footprints matching the filters, newest first. When more
 * remain, an RFC 8288 `Link` (rel="next") gives the absolute address of the next page on the
 * public base URL; it stays valid (a keyset position, not a session).
 */
export const GET = pactRoute(async ({ url, actor, baseUrl, locale }) => {
  const rawLimit = url.searchParams.get("limit");
  if (rawLimit !== null && !/^\d{1,9}$/.test(rawLimit)) throw new PactError("BadRequest", translateMessage(locale, "pact.errors.limit"));
  const limit = rawLimit === null ? PAGE_SIZE : Math.min(Number(rawLimit), PAGE_SIZE);
  const rawCursor = url.searchParams.get("cursor");
  const after = rawCursor === null ? undefined : cursorOf(rawCursor);
  if (after === null) throw new PactError("BadRequest", translateMessage(locale, "pact.errors.cursor"));
  if (limit === 0) return pactJson({ data: [] });

  const page = await listFootprints(actor, filterFromQuery(url.searchParams), { limit, after });
  const headers: Record<string, string> = {};
  if (page.next) {
    const next = new URLSearchParams(url.searchParams);
    next.set("cursor", Buffer.from(JSON.stringify(page.next), "utf8").toString("base64url"));
    headers.link = `<${baseUrl}${url.pathname}?${next}>; rel="next"`;
  }
  return pactJson({ data: page.items }, headers);
});
