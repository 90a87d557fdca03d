/**
 * API client fixtures: clients created through the real operation, tokens fetched from the real
 * token endpoint, and requests built as a machine would send them.
 */
import { executeOperation } from "@/lib/domain/operation";
import { createApiClient } from "@/lib/domain/api-clients/create-api-client";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import type { ApiScope } from "@/lib/enums";
import { POST as tokenEndpoint } from "@/app/auth/token/route";
import { actorFor } from "./certificate-fixtures";

// Access tokens are signed with a key derived from AUTH_SECRET.
process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789abcdef";

export const BASE_URL = "http://localhost:3000";

export async function createClientFor(
  user: { id: string },
  options: { scopes: ApiScope[]; name?: string; footprints?: string[]; expiresOn?: string },
) {
  const outcome = await executeOperation(createApiClient, await actorFor(user), {
    name: options.name ?? "Test ERP",
    scopes: options.scopes,
    expiresOn: options.expiresOn ?? addDays(todayInShanghai(), 30),
    footprintAccess: options.footprints ? "selected" : "all",
    certificateIds: options.footprints ?? [],
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}

export function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
}

export function tokenRequest(body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE_URL}/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body,
  });
}

export async function accessToken(client: { clientId: string; clientSecret: string }, scope?: string): Promise<string> {
  const body = scope ? `grant_type=client_credentials&scope=${encodeURIComponent(scope)}` : "grant_type=client_credentials";
  const response = await tokenEndpoint(tokenRequest(body, { authorization: basic(client.clientId, client.clientSecret) }));
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  return (await response.json()).access_token;
}

export { tokenEndpoint };

type RouteModule = Record<string, unknown>;
type Handler = (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route module's handler as Next would: a real Request, the path's params. */
export async function callApi(
  route: RouteModule,
  method: string,
  path: string,
  options: { token?: string; params?: Record<string, string>; json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "accept-language": "en", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  const handler = route[method] as Handler | undefined;
  if (!handler) throw new Error(`${path} has no ${method} handler`);
  return handler(new Request(`${BASE_URL}${path}`, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
}
