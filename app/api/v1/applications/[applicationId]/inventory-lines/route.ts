import { addInventoryLine } from "@/lib/domain/inventory/add-line";
import { getApiInventoryLine, inventoryCursor, listApiInventoryLines } from "@/lib/dal/api/applications";
import { decodeCursor, pageResponse, readQuery } from "@/lib/http/api/pagination";
import { apiJson, apiRoute, found, pathParams, perform, readJsonBody } from "@/lib/http/api/route";
import { pageQuerySchema } from "@/lib/validation/schemas/api";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";
import { inventoryLineBodySchema } from "@/lib/validation/schemas/inventory";

export const dynamic = "force-dynamic";

type Params = { applicationId: string };

export const GET = apiRoute<Params>(async ({ actor, params, url, baseUrl }) => {
  const query = readQuery(url, pageQuerySchema);
  const page = await listApiInventoryLines(actor, params.applicationId, { limit: query.limit, after: decodeCursor(query.cursor, inventoryCursor) });
  return pageResponse(found(page), url, baseUrl);
});

export const POST = apiRoute<Params>(async ({ request, actor, params, baseUrl }) => {
  const { applicationId } = pathParams(applicationIdSchema, params);
  const line = await readJsonBody(request, inventoryLineBodySchema);
  const { lineId } = await perform(addInventoryLine, actor, { ...line, applicationId });
  return apiJson(found(await getApiInventoryLine(actor, applicationId, lineId)), {
    status: 201,
    headers: { location: `${baseUrl}/api/v1/applications/${applicationId}/inventory-lines/${lineId}` },
  });
});
