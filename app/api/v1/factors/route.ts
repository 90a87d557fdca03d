import { factorCursor, searchApiFactors } from "@/lib/dal/api/factors";
import { decodeCursor, pageResponse, readQuery } from "@/lib/http/api/pagination";
import { apiRoute } from "@/lib/http/api/route";
import { factorListQuerySchema } from "@/lib/validation/schemas/api";

export const dynamic = "force-dynamic";

/** Current emission factors by name or key, category, region and year: the ids inventory lines refer to. */
export const GET = apiRoute(async ({ actor, url, baseUrl }) => {
  const { limit, cursor, ...search } = readQuery(url, factorListQuerySchema);
  const page = await searchApiFactors(actor, search, { limit, after: decodeCursor(cursor, factorCursor) });
  return pageResponse(page, url, baseUrl);
});
