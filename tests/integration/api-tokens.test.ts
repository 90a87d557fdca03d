/**
 * The OAuth 2.0 client-credentials token endpoint and bearer authentication: what a machine
 * gets for right and wrong credentials, and that revocation, rotation, expiry and a disabled
 * creator end access at once.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiClients, auditEvents, users } from "@/db/schema";
import { GET as openidConfiguration } from "@/app/.well-known/openid-configuration/route";
import { authenticateApiRequest } from "@/lib/auth/api-client";
import { verifyChainSegment } from "@/lib/audit/verify-chain";
import { listAuditEvents, verifyAuditChain } from "@/lib/dal/audit-trail";
import { signAccessToken, verifyAccessToken } from "@/lib/auth/api-credentials";
import { executeOperation } from "@/lib/domain/operation";
import { revokeApiClient } from "@/lib/domain/api-clients/revoke-api-client";
import { rotateApiClientSecret } from "@/lib/domain/api-clients/rotate-api-client-secret";
import { TOKEN_ISSUANCE_POLICY } from "@/lib/domain/api-clients/issue-access-token";
import { accessToken, basic, BASE_URL, createClientFor, tokenEndpoint, tokenRequest } from "../support/api-clients";
import { actorFor } from "../support/certificate-fixtures";
import { createUser } from "../support/factories";

const GRANT = "grant_type=client_credentials";

function bearer(token: string) {
  return new Request(`${BASE_URL}/api/v1/products`, { headers: { authorization: `Bearer ${token}` } });
}

async function enterpriseClient(scopes: Parameters<typeof createClientFor>[1]["scopes"] = ["applications:read"]) {
  const user = await createUser("enterprise");
  return { user, client: await createClientFor(user, { scopes }) };
}

describe("POST /auth/token", () => {
  it("issues a short-lived bearer JWT for HTTP Basic credentials, audits the issuance and records the use", async () => {
    const { client } = await enterpriseClient(["applications:read", "certificates:read"]);
    const response = await tokenEndpoint(tokenRequest(GRANT, { authorization: basic(client.clientId, client.clientSecret) }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "applications:read certificates:read" });
    const verified = await verifyAccessToken(body.access_token);
    expect(verified).toEqual({ ok: true, claims: { clientId: client.clientId, secretVersion: 1, scopes: ["applications:read", "certificates:read"] } });

    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, client.clientId), eq(auditEvents.action, "apiClient.issueToken"))).orderBy(auditEvents.id);
    expect(events).toHaveLength(1);
    expect(events[0].actorApiClientId).toBe(client.clientId);
    // The client is part of the hashed content, and the chain still verifies.
    expect(verifyChainSegment(events[0].prevHash, [events[0]]).broken).toBeNull();
    expect(verifyChainSegment(events[0].prevHash, [{ ...events[0], actorApiClientId: null }]).broken).toMatchObject({ problem: "content" });
    expect((await verifyAuditChain()).broken).toBeNull();
    // The regulator's audit trail names the client.
    const regulator = await actorFor(await createUser("regulator"));
    const trail = await listAuditEvents(regulator, { action: "apiClient.issueToken" });
    expect(trail.events.find((event) => event.entityId === client.clientId)).toMatchObject({ actorApiClientName: "Test ERP", actorRole: "enterprise" });
    const [row] = await db.select({ lastUsedAt: apiClients.lastUsedAt }).from(apiClients).where(eq(apiClients.id, client.clientId));
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("accepts client_id and client_secret in the form body, and a narrower scope", async () => {
    const { client } = await enterpriseClient(["applications:read", "certificates:read"]);
    const body = `${GRANT}&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}&scope=certificates%3Aread`;
    const response = await tokenEndpoint(tokenRequest(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: "certificates:read" });
  });

  it("answers invalid_client with 401 and WWW-Authenticate for a wrong secret, an unknown or malformed id, and no credentials", async () => {
    const { client } = await enterpriseClient();
    const attempts = [
      basic(client.clientId, `${client.clientSecret}x`),
      basic(crypto.randomUUID(), client.clientSecret),
      basic("not-a-client-id", "whatever"),
      "Basic !!!",
    ];
    for (const authorization of attempts) {
      const response = await tokenEndpoint(tokenRequest(GRANT, { authorization }));
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
      expect(await response.json()).toMatchObject({ error: "invalid_client" });
    }
    const anonymous = await tokenEndpoint(tokenRequest(GRANT));
    expect(anonymous.status).toBe(401);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, client.clientId), eq(auditEvents.action, "apiClient.issueToken")))).toEqual([]);
  });

  it("refuses a revoked client, an expired client and a client whose creator was disabled", async () => {
    const { user, client } = await enterpriseClient();
    await db.update(apiClients).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiClients.id, client.clientId));
    expect((await tokenEndpoint(tokenRequest(GRANT, { authorization: basic(client.clientId, client.clientSecret) }))).status).toBe(401);
    await db.update(apiClients).set({ expiresAt: new Date(Date.now() + 86_400_000) }).where(eq(apiClients.id, client.clientId));
    expect((await tokenEndpoint(tokenRequest(GRANT, { authorization: basic(client.clientId, client.clientSecret) }))).status).toBe(200);

    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect((await tokenEndpoint(tokenRequest(GRANT, { authorization: basic(client.clientId, client.clientSecret) }))).status).toBe(401);
    await db.update(users).set({ disabled: false }).where(eq(users.id, user.id));

    expect(await executeOperation(revokeApiClient, await actorFor(user), { apiClientId: client.clientId })).toMatchObject({ ok: true });
    const revoked = await tokenEndpoint(tokenRequest(GRANT, { authorization: basic(client.clientId, client.clientSecret) }));
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: "invalid_client" });
  });

  it("answers 400 for a wrong or missing grant, a wrong content type, two ways of authenticating and a scope the client lacks", async () => {
    const { client } = await enterpriseClient();
    const authorization = basic(client.clientId, client.clientSecret);
    const cases: [Request, string][] = [
      [tokenRequest("grant_type=password&username=a&password=b", { authorization }), "unsupported_grant_type"],
      [tokenRequest("grant_type=authorization_code&code=x", { authorization }), "unsupported_grant_type"],
      [tokenRequest("scope=applications%3Aread", { authorization }), "invalid_request"],
      [tokenRequest(`${GRANT}&${GRANT}`, { authorization }), "invalid_request"],
      [tokenRequest(`${GRANT}&client_id=${client.clientId}&client_secret=${client.clientSecret}`, { authorization }), "invalid_request"],
      [
        new Request(`${BASE_URL}/auth/token`, { method: "POST", headers: { "content-type": "application/json", authorization }, body: '{"grant_type":"client_credentials"}' }),
        "invalid_request",
      ],
      [tokenRequest(`${GRANT}&scope=applications%3Awrite`, { authorization }), "invalid_scope"],
      [tokenRequest(`${GRANT}&scope=everything`, { authorization }), "invalid_scope"],
    ];
    for (const [request, error] of cases) {
      const response = await tokenEndpoint(request);
      expect(response.status, error).toBe(400);
      expect(await response.json()).toMatchObject({ error });
    }
  });

  it("limits token issuance per client and says when to retry", async () => {
    const { client } = await enterpriseClient();
    const authorization = basic(client.clientId, client.clientSecret);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i <= TOKEN_ISSUANCE_POLICY.limit; i++) {
      const response = await tokenEndpoint(tokenRequest(GRANT, { authorization }));
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    // A window boundary may fall inside the loop; then fewer than `limit` issuances precede the refusal, or none is refused.
    const issued = statuses.filter((status) => status === 200).length;
    expect(issued).toBeGreaterThanOrEqual(TOKEN_ISSUANCE_POLICY.limit);
    if (statuses.includes(429)) expect(Number(retryAfter)).toBeGreaterThan(0);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, client.clientId), eq(auditEvents.action, "apiClient.issueToken"))).orderBy(auditEvents.id);
    expect(events).toHaveLength(issued);
  });
});

describe("bearer authentication", () => {
  it("returns the API actor: the creator's organization and role, with the client's scopes", async () => {
    const { user, client } = await enterpriseClient(["applications:read", "certificates:read"]);
    const token = await accessToken(client, "applications:read");
    const authentication = await authenticateApiRequest(bearer(token));
    expect(authentication).toMatchObject({
      ok: true,
      actor: { id: user.id, role: "enterprise", organizationId: user.organizationId, apiClient: { id: client.clientId, scopes: ["applications:read"], footprints: "all" } },
    });
  });

  it("tells a missing, a malformed, a forged and an expired token apart", async () => {
    const { client } = await enterpriseClient();
    expect(await authenticateApiRequest(new Request(`${BASE_URL}/api/v1/products`))).toEqual({ ok: false, reason: "missing" });
    expect(await authenticateApiRequest(bearer("very-invalid-access-token"))).toEqual({ ok: false, reason: "invalid" });
    const token = await accessToken(client);
    const [header, payload] = token.split(".");
    expect(await authenticateApiRequest(bearer(`${header}.${payload}.${"A".repeat(43)}`))).toEqual({ ok: false, reason: "invalid" });
    const expired = await signAccessToken({ clientId: client.clientId, secretVersion: 1, scopes: ["applications:read"] }, BASE_URL, new Date(Date.now() - 3_600_000));
    expect(await authenticateApiRequest(bearer(expired))).toEqual({ ok: false, reason: "expired" });
  });

  it("stops accepting a client's tokens once it is revoked or its secret rotated", async () => {
    const { user, client } = await enterpriseClient();
    const before = await accessToken(client);
    const rotated = await executeOperation(rotateApiClientSecret, await actorFor(user), { apiClientId: client.clientId });
    if (!rotated.ok) throw rotated.error;
    expect(await authenticateApiRequest(bearer(before))).toEqual({ ok: false, reason: "invalid" });
    expect((await tokenEndpoint(tokenRequest(GRANT, { authorization: basic(client.clientId, client.clientSecret) }))).status).toBe(401);
    const after = await accessToken(rotated.data);
    expect(await authenticateApiRequest(bearer(after))).toMatchObject({ ok: true });

    await executeOperation(revokeApiClient, await actorFor(user), { apiClientId: client.clientId });
    expect(await authenticateApiRequest(bearer(after))).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("GET /.well-known/openid-configuration", () => {
  it("names the token endpoint under the public base URL", async () => {
    const previous = process.env.PUBLIC_BASE_URL;
    process.env.PUBLIC_BASE_URL = "https://carbonlabel.example.cn/";
    try {
      const response = openidConfiguration(new Request("http://127.0.0.1:3000/.well-known/openid-configuration"));
      expect(await response.json()).toMatchObject({
        issuer: "https://carbonlabel.example.cn",
        token_endpoint: "https://carbonlabel.example.cn/auth/token",
        grant_types_supported: ["client_credentials"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
    } finally {
      if (previous === undefined) delete process.env.PUBLIC_BASE_URL;
      else process.env.PUBLIC_BASE_URL = previous;
    }
  });
});
