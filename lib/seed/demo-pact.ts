import type { Tx } from "@/db";
import { apiClients } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashClientSecret } from "@/lib/auth/api-credentials";
import { addYears, todayInShanghai } from "@/lib/certificates/validity";
import { expiryInstant } from "@/lib/domain/api-clients/create-api-client";
import type { UserActor } from "@/lib/policy";
import { DEMO_PACT_CLIENT } from "./demo-accounts";

/**
 * The laptop enterprise's PACT client, with the fixed id and secret the demo logins print (an
 * API client created on the API clients page gets a random secret instead): it reads every
 * footprint and sends PACT events. Recorded in the audit trail as the enterprise user's act.
 */
export async function seedDemoPactClient(tx: Tx, owner: UserActor): Promise<void> {
  const scopes = ["footprints:read"];
  const expiresAt = expiryInstant(addYears(todayInShanghai(), 2));
  await tx.insert(apiClients).values({
    id: DEMO_PACT_CLIENT.id,
    organizationId: owner.organizationId,
    name: "PACT demo customer",
    scopes,
    secretHash: hashClientSecret(DEMO_PACT_CLIENT.secret),
    allFootprints: true,
    expiresAt,
    createdBy: owner.id,
  });
  await recordAuditEvent(tx, owner, {
    action: "apiClient.create",
    entityType: "api_client",
    entityId: DEMO_PACT_CLIENT.id,
    subjectOrganizationId: owner.organizationId,
    region: owner.region,
    data: { name: "PACT demo customer", scopes, expiresAt: expiresAt.toISOString(), footprints: "all" },
  });
}
