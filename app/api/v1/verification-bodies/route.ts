import { listChoosableBodies } from "@/lib/dal/enterprise-application";
import { apiJson, apiRoute } from "@/lib/http/api/route";

export const dynamic = "force-dynamic";

/** The bodies the enterprise may submit to (none that declared a conflict of interest): a short, complete list. */
export const GET = apiRoute(async ({ actor }) => apiJson({ data: await listChoosableBodies(actor) }));
