import { getApiCertificate } from "@/lib/dal/api/certificates";
import { apiJson, apiRoute, found } from "@/lib/http/api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ number: string }>(async ({ actor, params, baseUrl }) => apiJson(found(await getApiCertificate(actor, params.number, baseUrl))));
