import { getApiCertificateStatus } from "@/lib/dal/api/certificates";
import { apiJson, apiRoute, found } from "@/lib/http/api/route";

export const dynamic = "force-dynamic";

/** The live status (valid, suspended, withdrawn, expired): poll it with If-None-Match. */
export const GET = apiRoute<{ number: string }>(async ({ actor, params }) => apiJson(found(await getApiCertificateStatus(actor, params.number))));
