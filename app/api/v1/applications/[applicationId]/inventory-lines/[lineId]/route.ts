import { deleteInventoryLine } from "@/lib/domain/inventory/delete-line";
import { updateInventoryLine } from "@/lib/domain/inventory/update-line";
import { getApiInventoryLine } from "@/lib/dal/api/applications";
import { apiJson, apiRoute, found, pathParams, perform, readJsonBody } from "@/lib/http/api/route";
import { deleteInventoryLineSchema, inventoryLineBodySchema } from "@/lib/validation/schemas/inventory";

export const dynamic = "force-dynamic";

type Params = { applicationId: string; lineId: string };

export const GET = apiRoute<Params>(async ({ actor, params }) => apiJson(found(await getApiInventoryLine(actor, params.applicationId, params.lineId))));

/** Replaces the line's fields (the whole line, as the form sends it); a changed line is no longer verified. */
export const PUT = apiRoute<Params>(async ({ request, actor, params }) => {
  const target = pathParams(deleteInventoryLineSchema, params);
  const line = await readJsonBody(request, inventoryLineBodySchema);
  await perform(updateInventoryLine, actor, { ...line, ...target });
  return apiJson(found(await getApiInventoryLine(actor, target.applicationId, target.lineId)));
});

export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  const target = pathParams(deleteInventoryLineSchema, params);
  await perform(deleteInventoryLine, actor, target);
  return new Response(null, { status: 204 });
});
