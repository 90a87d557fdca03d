import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { apiClients } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { generateClientSecret, hashClientSecret } from "@/lib/auth/api-credentials";
import { ConflictError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { apiClientState } from "@/lib/rules/api-client";
import type { ApiClientIdValues } from "@/lib/validation/schemas/api-clients";
import { lockOwnApiClient } from "./own-api-client";

/**
 * A new secret for an active client, shown once. The old secret stops working at once, and so
 * do the access tokens issued under it (they carry the secret version).
 */
export async function rotateApiClientSecret(tx: Tx, actor: Actor | null, input: ApiClientIdValues) {
  assertUserCan(actor, "apiClient.manage");
  const client = await lockOwnApiClient(tx, actor, input.apiClientId);
  if (apiClientState(client) !== "active") throw new ConflictError("apiClients.errors.notActive");
  const secret = generateClientSecret();
  await tx
    .update(apiClients)
    .set({ secretHash: hashClientSecret(secret), secretVersion: sql`${apiClients.secretVersion} + 1`, secretRotatedAt: new Date() })
    .where(eq(apiClients.id, client.id));
  await recordAuditEvent(tx, actor, {
    action: "apiClient.rotateSecret",
    entityType: "api_client",
    entityId: client.id,
    subjectOrganizationId: client.organizationId,
    region: actor.region,
    data: { name: client.name, secretVersion: client.secretVersion + 1 },
  });
  return { clientId: client.id, clientSecret: secret };
}
