import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { apiClientFootprints, apiClients, certificates, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { effectiveStatus, todayInShanghai } from "@/lib/certificates/validity";
import { isApiScope } from "@/lib/auth/api-credentials";
import { API_SCOPES_BY_ORGANIZATION_KIND, assertCan } from "@/lib/policy";
import { apiClientState } from "@/lib/rules/api-client";

const revokers = alias(users, "revokers");

/**
 * The API clients page of an organization: its clients (never their secrets), the scopes it may
 * grant, and — for an enterprise — the certified footprints a PACT client may be limited to.
 */
export async function getApiClientsPage(user: CurrentUser) {
  assertCan(user, "apiClient.manage");
  const now = new Date();
  const today = todayInShanghai(now);
  const rows = await db
    .select({
      id: apiClients.id,
      name: apiClients.name,
      scopes: apiClients.scopes,
      allFootprints: apiClients.allFootprints,
      expiresAt: apiClients.expiresAt,
      createdAt: apiClients.createdAt,
      secretRotatedAt: apiClients.secretRotatedAt,
      revokedAt: apiClients.revokedAt,
      lastUsedAt: apiClients.lastUsedAt,
      createdByName: users.name,
      creatorDisabled: users.disabled,
      creatorOrganizationId: users.organizationId,
      revokedByName: revokers.name,
    })
    .from(apiClients)
    .innerJoin(users, eq(users.id, apiClients.createdBy))
    .leftJoin(revokers, eq(revokers.id, apiClients.revokedBy))
    .where(eq(apiClients.organizationId, user.organizationId))
    .orderBy(desc(apiClients.createdAt));
  const limitedCounts = await db
    .select({ apiClientId: apiClientFootprints.apiClientId, footprints: count() })
    .from(apiClientFootprints)
    .innerJoin(apiClients, eq(apiClients.id, apiClientFootprints.apiClientId))
    .where(eq(apiClients.organizationId, user.organizationId))
    .groupBy(apiClientFootprints.apiClientId);
  const footprintsOf = new Map(limitedCounts.map((row) => [row.apiClientId, row.footprints]));
  const grantableScopes = API_SCOPES_BY_ORGANIZATION_KIND[user.organizationKind];
  const footprintChoices = grantableScopes.includes("footprints:read")
    ? (
        await db
          .select({
            id: certificates.id,
            number: certificates.number,
            productName: certificates.productName,
            productNameEn: certificates.productNameEn,
            status: certificates.status,
            expiresOn: certificates.expiresOn,
          })
          .from(certificates)
          .where(eq(certificates.organizationId, user.organizationId))
          .orderBy(desc(certificates.issuedOn), desc(certificates.number))
      ).map(({ expiresOn, ...certificate }) => ({ ...certificate, status: effectiveStatus(certificate.status, expiresOn, today) }))
    : [];
  return {
    clients: rows.map(({ allFootprints, creatorDisabled, creatorOrganizationId, ...row }) => ({
      ...row,
      /** The client acts as its creator: it stops working when they are disabled or move away. */
      creatorInactive: creatorDisabled || creatorOrganizationId !== user.organizationId,
      scopes: row.scopes.filter(isApiScope),
      state: apiClientState(row, now),
      /** null = every certified footprint. */
      limitedFootprints: allFootprints ? null : (footprintsOf.get(row.id) ?? 0),
    })),
    grantableScopes,
    footprintChoices,
  };
}

export type ApiClientsPage = Awaited<ReturnType<typeof getApiClientsPage>>;
