import { publicBaseUrl } from "@/lib/certificates/public-base-url";
import { issueAccessToken } from "@/lib/domain/api-clients/issue-access-token";
import { executeOperation } from "@/lib/domain/operation";
import { oauthErrorResponse, readTokenRequest, tokenRefusal, tokenResponse } from "@/lib/http/oauth";

export const dynamic = "force-dynamic";

/** OAuth 2.0 client-credentials token endpoint, shared by the REST API and the PACT host. */
export async function POST(request: Request) {
  try {
    const parsed = await readTokenRequest(request);
    if (!parsed.ok) return oauthErrorResponse(parsed);
    const outcome = await executeOperation(issueAccessToken, null, {
      clientId: parsed.clientId,
      clientSecret: parsed.clientSecret,
      scope: parsed.scope,
      issuer: publicBaseUrl(request.url),
    });
    return outcome.ok ? tokenResponse(outcome.data) : oauthErrorResponse(tokenRefusal(outcome.error));
  } catch (error) {
    console.error("[auth/token] unexpected error:", error);
    return oauthErrorResponse({ error: "server_error", description: "The token could not be issued; try again.", status: 500 });
  }
}
