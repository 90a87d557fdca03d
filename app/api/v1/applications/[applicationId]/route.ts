import { getApiApplication } from "@/lib/dal/api/applications";
import { apiJson, apiRoute, found } from "@/lib/http/api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ applicationId: string }>(async ({ actor, params }) => apiJson(found(await getApiApplication(actor, params.applicationId))));
