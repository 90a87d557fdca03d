import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { openApiDocument } from "@/lib/http/api/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of /api/v1 (public: it holds no data). */
export function GET(request: Request) {
  return Response.json(openApiDocument(publicBaseUrl(request.url)), { headers: { "cache-control": "public, max-age=300" } });
}
