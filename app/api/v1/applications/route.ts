import { createApplication } from "@/lib/domain/applications/create-application";
import { getApiApplication, listApiApplications } from "@/lib/dal/api/applications";
import { newestFirstCursor } from "@/lib/dal/api/scope";
import { decodeCursor, pageResponse, readQuery } from "@/lib/http/api/pagination";
import { apiJson, apiRoute, found, perform, readJsonBody } from "@/lib/http/api/route";
import { applicationListQuerySchema } from "@/lib/validation/schemas/api";
import { createApplicationSchema } from "@/lib/validation/schemas/applications";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor, url, baseUrl }) => {
  const { limit, cursor, ...filters } = readQuery(url, applicationListQuerySchema);
  const page = await listApiApplications(actor, filters, { limit, after: decodeCursor(cursor, newestFirstCursor) });
  return pageResponse(page, url, baseUrl);
});

/** Opens a draft application for one of the organization's products. */
export const POST = apiRoute(async ({ request, actor, baseUrl }) => {
  const input = await readJsonBody(request, createApplicationSchema);
  const { applicationId } = await perform(createApplication, actor, input);
  return apiJson(found(await getApiApplication(actor, applicationId)), {
    status: 201,
    headers: { location: `${baseUrl}/api/v1/applications/${applicationId}` },
  });
});
