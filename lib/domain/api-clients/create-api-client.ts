import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { apiClientFootprints, apiClients, certificates } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { generateClientSecret, hashClientSecret } from "@/lib/auth/api-credentials";
import { addDays } from "@/lib/certificates/validity";
import { OperationError } from "@/lib/errors";
import { API_SCOPES_BY_ORGANIZATION_KIND, assertUserCan, type Actor } from "@/lib/policy";
import type { CreateApiClientValues } from "@/lib/validation/schemas/api-clients";

/** The client works through the whole of its last day in Asia/Shanghai. */
export function expiryInstant(expiresOn: string): Date {
  return new Date(`${addDays(expiresOn, 1)}T00:00:00+08:00`);
}

/**
 * A member of an organization creates an API client for it. The secret is returned this once;
 * only its hash is kept. An API client cannot create clients: no scope grants the permission.
 */
export async function createApiClient(tx: Tx, actor: Actor | null, input: CreateApiClientValues) {
  assertUserCan(actor, "apiClient.manage");
  const grantable = API_SCOPES_BY_ORGANIZATION_KIND[actor.organizationKind];
  if (input.scopes.some((scope) => !grantable.includes(scope))) {
    throw new OperationError("errors.validation", { scopes: ["apiClients.validation.scopeNotAllowed"] });
  }
  const limited = input.scopes.includes("footprints:read") && input.footprintAccess === "selected";
  const certificateIds = limited ? [...new Set(input.certificateIds)] : [];
  if (limited) {
    const own = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .where(and(inArray(certificates.id, certificateIds), eq(certificates.organizationId, actor.organizationId)));
    if (own.length !== certificateIds.length) {
      throw new OperationError("errors.validation", { certificateIds: ["apiClients.validation.footprintsRequired"] });
    }
  }
  const secret = generateClientSecret();
  const expiresAt = expiryInstant(input.expiresOn);
  const [client] = await tx
    .insert(apiClients)
    .values({
      organizationId: actor.organizationId,
      name: input.name,
      scopes: [...input.scopes],
      secretHash: hashClientSecret(secret),
      allFootprints: !limited,
      expiresAt,
      createdBy: actor.id,
    })
    .returning({ id: apiClients.id });
  if (certificateIds.length) {
    await tx.insert(apiClientFootprints).values(certificateIds.map((certificateId) => ({ apiClientId: client.id, certificateId })));
  }
  await recordAuditEvent(tx, actor, {
    action: "apiClient.create",
    entityType: "api_client",
    entityId: client.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { name: input.name, scopes: input.scopes, expiresAt: expiresAt.toISOString(), footprints: limited ? certificateIds : "all" },
  });
  return { clientId: client.id, clientSecret: secret };
}
