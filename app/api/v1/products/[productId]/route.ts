import { getApiProduct } from "@/lib/dal/api/products";
import { apiJson, apiRoute, found } from "@/lib/http/api/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ productId: string }>(async ({ actor, params }) => apiJson(found(await getApiProduct(actor, params.productId))));
