/**
 * API clients as an organization manages them: who may create, rotate and revoke, which scopes
 * and footprints each kind of organization may grant, and that the secret is kept only hashed.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiClientFootprints, apiClients, auditEvents, users } from "@/db/schema";
import { authenticateApiRequest } from "@/lib/auth/api-client";
import { getApiClientsPage } from "@/lib/dal/api-clients";
import { createApiClient } from "@/lib/domain/api-clients/create-api-client";
import { revokeApiClient } from "@/lib/domain/api-clients/revoke-api-client";
import { rotateApiClientSecret } from "@/lib/domain/api-clients/rotate-api-client-secret";
import { executeOperation } from "@/lib/domain/operation";
import { ConflictError, ForbiddenError, NotFoundError, OperationError, UnauthenticatedError } from "@/lib/errors";
import { addDays, todayInShanghai } from "@/lib/certificates/validity";
import { createApiClientSchema } from "@/lib/validation/schemas/api-clients";
import { accessToken, BASE_URL, createClientFor } from "../support/api-clients";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";
import { createUser } from "../support/factories";

const input = (overrides: Partial<Parameters<typeof createApiClient>[2]> = {}) => ({
  name: "ERP",
  scopes: ["applications:read" as const],
  expiresOn: addDays(todayInShanghai(), 90),
  footprintAccess: "all" as const,
  certificateIds: [],
  ...overrides,
});

async function clientRow(id: string) {
  const [row] = await db.select().from(apiClients).where(eq(apiClients.id, id));
  return row;
}

describe("createApiClient", () => {
  it("gives an enterprise user a client whose secret is shown once and stored as its SHA-256", async () => {
    const user = await createUser("enterprise");
    const outcome = await executeOperation(createApiClient, await actorFor(user), input({ scopes: ["applications:write", "footprints:read"] }));
    if (!outcome.ok) throw outcome.error;
    const { clientId, clientSecret } = outcome.data;
    expect(clientSecret).toMatch(/^cls_[A-Za-z0-9_-]{43}$/);
    const row = await clientRow(clientId);
    expect(row).toMatchObject({ organizationId: user.organizationId, createdBy: user.id, scopes: ["applications:write", "footprints:read"], allFootprints: true, secretVersion: 1 });
    expect(row.secretHash).toBe(crypto.createHash("sha256").update(clientSecret).digest("hex"));
    // Works through the whole last day in Asia/Shanghai.
    expect(row.expiresAt.toISOString()).toBe(new Date(`${addDays(todayInShanghai(), 91)}T00:00:00+08:00`).toISOString());
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, clientId), eq(auditEvents.action, "apiClient.create"))).orderBy(auditEvents.id);
    expect(event).toMatchObject({ actorUserId: user.id, subjectOrganizationId: user.organizationId });
    expect(JSON.stringify(event.data)).not.toContain(clientSecret);
  });

  it("lets a body's reviewer and a regulator grant read scopes only", async () => {
    for (const role of ["reviewer", "regulator"] as const) {
      const actor = await actorFor(await createUser(role));
      expect(await executeOperation(createApiClient, actor, input({ scopes: ["applications:read", "certificates:read"] }))).toMatchObject({ ok: true });
      for (const scope of ["applications:write", "footprints:read"] as const) {
        const refused = await executeOperation(createApiClient, actor, input({ name: `refused ${scope}`, scopes: [scope] }));
        expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { scopes: ["apiClients.validation.scopeNotAllowed"] } } });
      }
      expect(await db.select().from(apiClients).where(eq(apiClients.organizationId, actor.organizationId))).toHaveLength(1);
    }
  });

  it("refuses a verifier who is not the body's decision maker, the operator, an anonymous caller and an API client", async () => {
    for (const role of ["verifier", "admin"] as const) {
      const actor = await actorFor(await createUser(role));
      expect(await executeOperation(createApiClient, actor, input())).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
      expect(await db.select().from(apiClients).where(eq(apiClients.organizationId, actor.organizationId))).toEqual([]);
    }
    expect(await executeOperation(createApiClient, null, input())).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });

    const owner = await createUser("enterprise");
    const client = await createClientFor(owner, { scopes: ["applications:write"] });
    const authentication = await authenticateApiRequest(
      new Request(`${BASE_URL}/api/v1/products`, { headers: { authorization: `Bearer ${await accessToken(client)}` } }),
    );
    if (!authentication.ok) throw new Error(authentication.reason);
    for (const [operation, payload] of [
      [createApiClient, input({ name: "made by a machine" })],
      [rotateApiClientSecret, { apiClientId: client.clientId }],
      [revokeApiClient, { apiClientId: client.clientId }],
    ] as const) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop over three operations of different inputs
      expect(await executeOperation(operation as any, authentication.actor, payload)).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    }
    expect(await db.select().from(apiClients).where(eq(apiClients.organizationId, owner.organizationId))).toHaveLength(1);
    expect(await clientRow(client.clientId)).toMatchObject({ revokedAt: null, secretVersion: 1 });
  });

  it("limits a PACT client to chosen footprints of its own organization only", async () => {
    const { certificate, enterpriseUser } = await createIssuedCertificate();
    const other = await createIssuedCertificate();
    const actor = await actorFor(enterpriseUser);
    const foreign = await executeOperation(
      createApiClient,
      actor,
      input({ scopes: ["footprints:read"], footprintAccess: "selected", certificateIds: [certificate.id, other.certificate.id] }),
    );
    expect(foreign).toMatchObject({ ok: false, error: { fieldErrors: { certificateIds: ["apiClients.validation.footprintsRequired"] } } });
    expect(await db.select().from(apiClients).where(eq(apiClients.organizationId, actor.organizationId))).toEqual([]);

    const client = await createClientFor(enterpriseUser, { scopes: ["footprints:read"], footprints: [certificate.id] });
    expect(await clientRow(client.clientId)).toMatchObject({ allFootprints: false });
    expect(await db.select().from(apiClientFootprints).where(eq(apiClientFootprints.apiClientId, client.clientId))).toEqual([
      { apiClientId: client.clientId, certificateId: certificate.id },
    ]);
    const authentication = await authenticateApiRequest(
      new Request(`${BASE_URL}/3/footprints`, { headers: { authorization: `Bearer ${await accessToken(client)}` } }),
    );
    expect(authentication).toMatchObject({ ok: true, actor: { apiClient: { footprints: [certificate.id] } } });
  });

  it("validates the form: a scope, an expiry after today within two years, footprints when limited", () => {
    const today = todayInShanghai();
    const issues = (value: unknown) => {
      const parsed = createApiClientSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message.split("?")[0]}`);
    };
    expect(issues({ name: "x", scopes: false, expiresOn: today, certificateIds: false })).toEqual([
      "scopes:apiClients.validation.scopesRequired",
      "expiresOn:apiClients.validation.expiry",
    ]);
    expect(issues({ name: "x", scopes: "footprints:read", expiresOn: addDays(today, 731), footprintAccess: "selected", certificateIds: [] })).toEqual([
      "expiresOn:apiClients.validation.expiry",
      "certificateIds:apiClients.validation.footprintsRequired",
    ]);
    expect(issues({ name: "x", scopes: ["certificates:read"], expiresOn: addDays(today, 730) })).toEqual([]);
  });
});

describe("rotateApiClientSecret and revokeApiClient", () => {
  it("rotate the secret of an active client, audited, and refuse once it is revoked", async () => {
    const user = await createUser("enterprise");
    const colleague = await createUser("enterprise", user.organizationId);
    const client = await createClientFor(user, { scopes: ["applications:read"] });
    const rotated = await executeOperation(rotateApiClientSecret, await actorFor(colleague), { apiClientId: client.clientId });
    if (!rotated.ok) throw rotated.error;
    expect(rotated.data.clientSecret).not.toBe(client.clientSecret);
    expect(await clientRow(client.clientId)).toMatchObject({
      secretVersion: 2,
      secretHash: crypto.createHash("sha256").update(rotated.data.clientSecret).digest("hex"),
    });

    const revoked = await executeOperation(revokeApiClient, await actorFor(colleague), { apiClientId: client.clientId });
    expect(revoked).toMatchObject({ ok: true });
    expect(await clientRow(client.clientId)).toMatchObject({ revokedBy: colleague.id });
    expect(await executeOperation(revokeApiClient, await actorFor(user), { apiClientId: client.clientId })).toMatchObject({ ok: false, error: expect.any(ConflictError) });
    expect(await executeOperation(rotateApiClientSecret, await actorFor(user), { apiClientId: client.clientId })).toMatchObject({ ok: false, error: expect.any(ConflictError) });

    const actions = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, client.clientId)).orderBy(auditEvents.id);
    expect(actions.map((event) => event.action)).toEqual(["apiClient.create", "apiClient.rotateSecret", "apiClient.revoke"]);
  });

  it("answer 'not found' to another organization and leave its client as it was", async () => {
    const owner = await createUser("enterprise");
    const client = await createClientFor(owner, { scopes: ["applications:read"] });
    for (const role of ["enterprise", "reviewer", "regulator"] as const) {
      const outsider = await actorFor(await createUser(role));
      expect(await executeOperation(rotateApiClientSecret, outsider, { apiClientId: client.clientId })).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
      expect(await executeOperation(revokeApiClient, outsider, { apiClientId: client.clientId })).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    }
    expect(await executeOperation(revokeApiClient, null, { apiClientId: client.clientId })).toMatchObject({ ok: false, error: expect.any(OperationError) });
    expect(await clientRow(client.clientId)).toMatchObject({ revokedAt: null, secretVersion: 1 });
  });
});

describe("getApiClientsPage", () => {
  it("lists the organization's clients without their secrets, with state and the footprints to choose from", async () => {
    const { certificate, enterpriseUser } = await createIssuedCertificate();
    const active = await createClientFor(enterpriseUser, { scopes: ["footprints:read"], footprints: [certificate.id], name: "PACT partner" });
    const revoked = await createClientFor(enterpriseUser, { scopes: ["applications:read"], name: "Old ERP" });
    await executeOperation(revokeApiClient, await actorFor(enterpriseUser), { apiClientId: revoked.clientId });
    await createClientFor(await createUser("enterprise"), { scopes: ["applications:read"], name: "Someone else's" });

    const page = await getApiClientsPage(await actorFor(enterpriseUser));
    expect(page.clients.map((client) => [client.name, client.state, client.limitedFootprints, client.creatorInactive])).toEqual([
      ["Old ERP", "revoked", null, false],
      ["PACT partner", "active", 1, false],
    ]);
    expect(JSON.stringify(page)).not.toContain(active.clientSecret);
    expect(JSON.stringify(page)).not.toMatch(/secretHash/);
    expect(page.footprintChoices).toEqual([expect.objectContaining({ id: certificate.id, number: certificate.number, status: "valid" })]);
    expect(page.grantableScopes).toContain("footprints:read");

    await expect(getApiClientsPage(await actorFor(await createUser("verifier")))).rejects.toBeInstanceOf(ForbiddenError);

    // A client of a colleague who can no longer sign in is shown as not working.
    const colleague = await createUser("enterprise", enterpriseUser.organizationId);
    await createClientFor(colleague, { scopes: ["applications:read"], name: "Colleague's ERP" });
    await db.update(users).set({ disabled: true }).where(eq(users.id, colleague.id));
    const later = await getApiClientsPage(await actorFor(enterpriseUser));
    expect(later.clients.find((client) => client.name === "Colleague's ERP")).toMatchObject({ state: "active", creatorInactive: true });
  });
});
