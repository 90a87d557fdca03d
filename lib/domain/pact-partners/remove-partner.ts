import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { pactEventDeliveries, pactPartners } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { PartnerIdValues } from "@/lib/validation/schemas/pact";
import { lockOwnPartner } from "./own-partner";

/**
 * Removes a partner: its requests are no longer accepted and replies still waiting for it are
 * abandoned. The row stays, so the inbox and the audit trail keep naming it.
 */
export async function removePartner(tx: Tx, actor: Actor | null, input: PartnerIdValues) {
  assertUserCan(actor, "pactPartner.manage");
  const partner = await lockOwnPartner(tx, actor, input.partnerId);
  await tx.update(pactPartners).set({ removedAt: sql`now()` }).where(eq(pactPartners.id, partner.id));
  const abandoned = await tx
    .update(pactEventDeliveries)
    .set({ status: "abandoned", lastError: "removed" })
    .where(and(eq(pactEventDeliveries.partnerId, partner.id), eq(pactEventDeliveries.status, "pending")))
    .returning({ id: pactEventDeliveries.id });
  await recordAuditEvent(tx, actor, {
    action: "pactPartner.remove",
    entityType: "pact_partner",
    entityId: partner.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { name: partner.name, baseUrl: partner.baseUrl, abandonedDeliveries: abandoned.length },
  });
  return { partnerId: partner.id };
}
