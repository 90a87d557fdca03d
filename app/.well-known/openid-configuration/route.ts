import { API_SCOPES } from "@/lib/enums";
import { publicBaseUrl } from "@/lib/certificates/public-base-url";

export const dynamic = "force-dynamic";

/**
 * Discovery of the token endpoint (PACT clients look here first). Only the parts that apply to
 * a client-credentials server are stated: no end-user login, so no authorization endpoint.
 */
export function GET(request: Request) {
  const issuer = publicBaseUrl(request.url);
  return Response.json(
    {
      issuer,
      token_endpoint: `${issuer}/auth/token`,
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      scopes_supported: API_SCOPES,
      service_documentation: `${issuer}/developers`,
    },
    { headers: { "cache-control": "public, max-age=3600" } },
  );
}
