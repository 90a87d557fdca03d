import { createProduct } from "@/lib/domain/products/create-product";
import { getApiProduct, listApiProducts } from "@/lib/dal/api/products";
import { newestFirstCursor } from "@/lib/dal/api/scope";
import { decodeCursor, pageResponse, readQuery } from "@/lib/http/api/pagination";
import { apiJson, apiRoute, found, perform, readJsonBody } from "@/lib/http/api/route";
import { pageQuerySchema } from "@/lib/validation/schemas/api";
import { productSchema } from "@/lib/validation/schemas/products";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ actor, url, baseUrl }) => {
  const query = readQuery(url, pageQuerySchema);
  const page = await listApiProducts(actor, { limit: query.limit, after: decodeCursor(query.cursor, newestFirstCursor) });
  return pageResponse(page, url, baseUrl);
});

export const POST = apiRoute(async ({ request, actor, baseUrl }) => {
  const input = await readJsonBody(request, productSchema);
  const { productId } = await perform(createProduct, actor, input);
  return apiJson(found(await getApiProduct(actor, productId)), { status: 201, headers: { location: `${baseUrl}/api/v1/products/${productId}` } });
});
