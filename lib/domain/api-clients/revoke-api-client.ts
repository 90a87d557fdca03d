import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { apiClients } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { ApiClientIdValues } from "@/lib/validation/schemas/api-clients";
import { lockOwnApiClient } from "./own-api-client";

/** Ends a client for good: its secret and every access token it holds stop working at once. */
export async function revokeApiClient(tx: Tx, actor: Actor | null, input: ApiClientIdValues) {
  assertUserCan(actor, "apiClient.manage");
  const client = await lockOwnApiClient(tx, actor, input.apiClientId);
  if (client.revokedAt) throw new ConflictError("apiClients.errors.alreadyRevoked");
  await tx.update(apiClients).set({ revokedAt: new Date(), revokedBy: actor.id }).where(eq(apiClients.id, client.id));
  await recordAuditEvent(tx, actor, {
    action: "apiClient.revoke",
    entityType: "api_client",
    entityId: client.id,
    subjectOrganizationId: client.organizationId,
    region: actor.region,
    data: { name: client.name },
  });
  return { clientId: client.id };
}
