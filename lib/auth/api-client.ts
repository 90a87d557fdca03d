import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { apiClientFootprints, apiClients, organizations, users } from "@/db/schema";
import type { ApiScope } from "@/lib/enums";
import type { ApiClientActor } from "@/lib/policy";
import { apiClientState } from "@/lib/rules/api-client";
import { isApiScope, isClientIdFormat, verifyAccessToken } from "./api-credentials";

/** last_used_at is bookkeeping, not an audit record: written at most this often per client. */
const LAST_USED_RESOLUTION_MS = 60_000;

type LoadedApiClient = {
  actor: ApiClientActor;
  secretHash: string;
  secretVersion: number;
  lastUsedAt: Date | null;
  /** Active, and its creator still an enabled member of its organization. */
  usable: boolean;
};

/**
 * An API client as the actor it acts as: its creator's role in the client's organization, with
 * the client's scopes and footprint list. `usable` is false once it is revoked or expired, or
 * when its creator was disabled or left the organization (the client acts as them).
 */
export async function loadApiClient(executor: DbOrTx, clientId: string, now = new Date()): Promise<LoadedApiClient | null> {
  if (!isClientIdFormat(clientId)) return null;
  const [row] = await executor
    .select({
      id: apiClients.id,
      name: apiClients.name,
      scopes: apiClients.scopes,
      secretHash: apiClients.secretHash,
      secretVersion: apiClients.secretVersion,
      allFootprints: apiClients.allFootprints,
      expiresAt: apiClients.expiresAt,
      revokedAt: apiClients.revokedAt,
      lastUsedAt: apiClients.lastUsedAt,
      organizationId: apiClients.organizationId,
      userId: users.id,
      email: users.email,
      userName: users.name,
      role: users.role,
      disabled: users.disabled,
      userOrganizationId: users.organizationId,
      organizationKind: organizations.kind,
      organizationName: organizations.name,
      region: organizations.region,
      district: organizations.district,
    })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdBy))
    .innerJoin(organizations, eq(organizations.id, apiClients.organizationId))
    .where(eq(apiClients.id, clientId));
  if (!row) return null;
  const footprints = row.allFootprints
    ? ("all" as const)
    : (
        await executor
          .select({ certificateId: apiClientFootprints.certificateId })
          .from(apiClientFootprints)
          .where(eq(apiClientFootprints.apiClientId, row.id))
      ).map((footprint) => footprint.certificateId);
  const usable = apiClientState(row, now) === "active" && !row.disabled && row.userOrganizationId === row.organizationId;
  return {
    actor: {
      id: row.userId,
      email: row.email,
      name: row.userName,
      role: row.role,
      organizationId: row.organizationId,
      organizationKind: row.organizationKind,
      organizationName: row.organizationName,
      region: row.region,
      district: row.district,
      apiClient: { id: row.id, name: row.name, scopes: row.scopes.filter(isApiScope), footprints },
    },
    secretHash: row.secretHash,
    secretVersion: row.secretVersion,
    lastUsedAt: row.lastUsedAt,
    usable,
  };
}

/** Records use of a client, skipping the write when it was recorded within the last minute. */
async function touchApiClient(executor: DbOrTx, client: Pick<LoadedApiClient, "lastUsedAt" | "actor">, now = new Date()) {
  if (client.lastUsedAt && now.getTime() - client.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  await executor
    .update(apiClients)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiClients.id, client.actor.apiClient.id),
        or(isNull(apiClients.lastUsedAt), lt(apiClients.lastUsedAt, sql`${threshold.toISOString()}::timestamptz`)),
      ),
    );
}

type ApiAuthentication =
  | { ok: true; actor: ApiClientActor }
  /** `missing`: no bearer token; `invalid`: not ours, tampered, or its client no longer usable; `expired`: past `exp`. */
  | { ok: false; reason: "missing" | "invalid" | "expired" };

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i;

/**
 * The API actor behind a request's bearer access token (RFC 6750), re-checked against the
 * database on every request so a revocation, rotation or a disabled creator takes effect at
 * once. The REST API and the PACT host both authenticate with this.
 */
export async function authenticateApiRequest(request: Request, now = new Date()): Promise<ApiAuthentication> {
  const header = request.headers.get("authorization");
  if (!header) return { ok: false, reason: "missing" };
  const token = BEARER.exec(header)?.[1];
  if (!token) return { ok: false, reason: "invalid" };
  const verified = await verifyAccessToken(token);
  if (!verified.ok) return verified;
  const client = await loadApiClient(db, verified.claims.clientId, now);
  if (!client?.usable || client.secretVersion !== verified.claims.secretVersion) return { ok: false, reason: "invalid" };
  await touchApiClient(db, client, now);
  // A token never carries more than the client still holds.
  const scopes: ApiScope[] = verified.claims.scopes.filter((scope) => client.actor.apiClient.scopes.includes(scope));
  return { ok: true, actor: { ...client.actor, apiClient: { ...client.actor.apiClient, scopes } } };
}
