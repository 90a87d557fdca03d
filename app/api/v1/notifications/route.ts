import { listApiNotifications } from "@/lib/dal/api/notifications";
import { newestFirstCursor } from "@/lib/dal/api/scope";
import { decodeCursor, pageResponse, readQuery } from "@/lib/http/api/pagination";
import { apiRoute } from "@/lib/http/api/route";
import { pageQuerySchema } from "@/lib/validation/schemas/api";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor, url, baseUrl }) => {
  const query = readQuery(url, pageQuerySchema);
  const page = await listApiNotifications(actor, { limit: query.limit, after: decodeCursor(query.cursor, newestFirstCursor) });
  return pageResponse(page, url, baseUrl);
});
