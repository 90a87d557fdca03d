import "server-only";
import type { OperationError } from "@/lib/errors";
import { RateLimitedError } from "@/lib/errors";
import { readBoundedText } from "@/lib/http/bounded-body";

/** RFC 6749 §5.2 error codes this token endpoint answers with. */
type OAuthErrorCode = "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope" | "server_error";

type OAuthError = { error: OAuthErrorCode; description: string; status: number; retryAfterSeconds?: number };

type TokenRequest = { ok: true; clientId: string; clientSecret: string; scope?: string } | ({ ok: false } & OAuthError);

/** A token request is a handful of short parameters. */
const MAX_BODY_BYTES = 8 * 1024;
const REALM = 'Basic realm="CarbonLabel", charset="UTF-8"';

/** application/x-www-form-urlencoded decoding of one credential (RFC 6749 §2.3.1); null when malformed. */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

function refusal(error: OAuthErrorCode, description: string, status = 400): { ok: false } & OAuthError {
  return { ok: false, error, description, status };
}

/** HTTP Basic client authentication: `client_id:client_secret`, each form-encoded, in base64. */
function basicCredentials(header: string): { clientId: string; clientSecret: string } | null {
  const match = /^Basic[ ]+([A-Za-z0-9+/]+=*)[ ]*$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/**
 * Reads an OAuth 2.0 client-credentials token request (RFC 6749 §4.4): a form-encoded body with
 * `grant_type=client_credentials` and optional `scope`, the client authenticated by HTTP Basic
 * or by `client_id`/`client_secret` in the body — exactly one of the two.
 */
export async function readTokenRequest(request: Request): Promise<TokenRequest> {
  const contentType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (contentType !== "application/x-www-form-urlencoded") {
    return refusal("invalid_request", "The body must be application/x-www-form-urlencoded.");
  }
  const text = await readBoundedText(request, MAX_BODY_BYTES);
  if (text === null) return refusal("invalid_request", "The request body is too large.");
  const form = new URLSearchParams(text);
  for (const name of new Set(form.keys())) {
    if (form.getAll(name).length > 1) return refusal("invalid_request", `The parameter ${name} is repeated.`);
  }
  const grantType = form.get("grant_type");
  if (!grantType) return refusal("invalid_request", "The grant_type parameter is missing.");
  if (grantType !== "client_credentials") return refusal("unsupported_grant_type", "Only the client_credentials grant is supported.");

  const header = request.headers.get("authorization");
  const bodyId = form.get("client_id");
  const bodySecret = form.get("client_secret");
  if (header && (bodyId !== null || bodySecret !== null)) {
    return refusal("invalid_request", "Authenticate the client with either HTTP Basic or the request body, not both.");
  }
  const credentials = header ? basicCredentials(header) : bodyId && bodySecret ? { clientId: bodyId, clientSecret: bodySecret } : null;
  if (!credentials) return refusal("invalid_client", "Client authentication failed.", 401);
  const scope = form.get("scope");
  return { ok: true, ...credentials, scope: scope === null ? undefined : scope };
}

/** The token endpoint's refusal for an operation's refusal. */
export function tokenRefusal(error: OperationError): OAuthError {
  if (error instanceof RateLimitedError) {
    return { error: "invalid_request", description: "Too many token requests; retry later.", status: 429, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error.message === "api.errors.invalidScope") {
    return { error: "invalid_scope", description: "The requested scope is not one this client holds.", status: 400 };
  }
  return { error: "invalid_client", description: "Client authentication failed.", status: 401 };
}

/** Token responses are never cached (RFC 6749 §5.1). */
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

export function oauthErrorResponse(error: OAuthError): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.status === 401) headers["www-authenticate"] = REALM;
  if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
  return Response.json({ error: error.error, error_description: error.description }, { status: error.status, headers });
}

export function tokenResponse(token: { accessToken: string; expiresIn: number; scope: string }): Response {
  return Response.json(
    { access_token: token.accessToken, token_type: "Bearer", expires_in: token.expiresIn, scope: token.scope },
    { headers: NO_STORE },
  );
}
