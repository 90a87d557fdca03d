import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { pactPartners } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/keys/key-encryption";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { UpdatePartnerValues } from "@/lib/validation/schemas/pact";
import { lockOwnPartner, partnerBaseUrl, partnerSecretContext } from "./own-partner";

/** Changes a partner's name, host or outbound credentials; a blank secret keeps the stored one. */
export async function updatePartner(tx: Tx, actor: Actor | null, input: UpdatePartnerValues) {
  assertUserCan(actor, "pactPartner.manage");
  const partner = await lockOwnPartner(tx, actor, input.partnerId);
  const baseUrl = await partnerBaseUrl(tx, actor.organizationId, input.baseUrl, partner.id);
  const secretChanged = input.clientSecret !== "";
  await tx
    .update(pactPartners)
    .set({
      name: input.name,
      baseUrl,
      clientId: input.clientId,
      ...(secretChanged ? { sealedClientSecret: sealSecret(Buffer.from(input.clientSecret, "utf8"), partnerSecretContext(partner.id)) } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(pactPartners.id, partner.id));
  await recordAuditEvent(tx, actor, {
    action: "pactPartner.update",
    entityType: "pact_partner",
    entityId: partner.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: {
      from: { name: partner.name, baseUrl: partner.baseUrl, clientId: partner.clientId },
      to: { name: input.name, baseUrl, clientId: input.clientId },
      secretChanged,
    },
  });
  return { partnerId: partner.id };
}
