import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { apiClients } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ACCESS_TOKEN_LIFETIME_SECONDS, clientSecretMatches, parseScopes, signAccessToken } from "@/lib/auth/api-credentials";
import { loadApiClient } from "@/lib/auth/api-client";
import { consumeRateLimit, type RateLimitPolicy } from "@/lib/auth/rate-limit";
import { OperationError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";

type IssueAccessTokenInput = {
  clientId: string;
  clientSecret: string;
  /** The `scope` parameter as sent (RFC 6749 §3.3); absent = every scope the client holds. */
  scope?: string;
  /** The public base URL, the token's `iss`. */
  issuer: string;
};

/**
 * Each issuance is an audit event, so a client that fetched a token per request would flood the
 * trail: a client gets this many tokens a minute (a token lasts a quarter hour).
 */
export const TOKEN_ISSUANCE_POLICY: RateLimitPolicy = { name: "token", limit: 20, windowSeconds: 60 };

/**
 * OAuth 2.0 client credentials grant: the client proves itself with its secret (there is no
 * signed-in actor), gets a short-lived access token, and the issuance is audited as the client's
 * act. Every failed proof — unknown id, wrong secret, revoked or expired client, disabled creator —
 * is the same refusal, so none tells an attacker which part was wrong.
 */
export async function issueAccessToken(tx: Tx, _actor: Actor | null, input: IssueAccessTokenInput) {
  const client = await loadApiClient(tx, input.clientId);
  if (!client || !clientSecretMatches(input.clientSecret, client.secretHash) || !client.usable) {
    throw new UnauthenticatedError("api.errors.invalidClient");
  }
  const held = client.actor.apiClient.scopes;
  const requested = input.scope === undefined ? [...held] : parseScopes(input.scope);
  if (!requested || requested.length === 0 || requested.some((scope) => !held.includes(scope))) {
    throw new OperationError("api.errors.invalidScope");
  }
  const limit = await consumeRateLimit(tx, client.actor.apiClient.id, TOKEN_ISSUANCE_POLICY);
  if (limit.exceeded) throw new RateLimitedError(limit.resetSeconds, "api.errors.rateLimited");
  await tx.update(apiClients).set({ lastUsedAt: new Date() }).where(eq(apiClients.id, client.actor.apiClient.id));
  await recordAuditEvent(tx, client.actor, {
    action: "apiClient.issueToken",
    entityType: "api_client",
    entityId: client.actor.apiClient.id,
    subjectOrganizationId: client.actor.organizationId,
    region: client.actor.region,
    data: { scopes: requested, expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS },
  });
  const accessToken = await signAccessToken(
    { clientId: client.actor.apiClient.id, secretVersion: client.secretVersion, scopes: requested },
    input.issuer,
  );
  return { accessToken, expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS, scope: requested.join(" ") };
}
