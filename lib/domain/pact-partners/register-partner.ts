import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/db";
import { pactPartners } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealSecret } from "@/lib/keys/key-encryption";
import { ForbiddenError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { RegisterPartnerValues } from "@/lib/validation/schemas/pact";
import { partnerBaseUrl, partnerSecretContext } from "./own-partner";

/**
 * An enterprise registers another company's PACT host: footprint requests whose `source` lies
 * under its base URL are answered there, with the outbound credentials it issued to us.
 */
export async function registerPartner(tx: Tx, actor: Actor | null, input: RegisterPartnerValues) {
  assertUserCan(actor, "pactPartner.manage");
  // PACT data exchange is between companies; an API client cannot manage partners (no scope grants it).
  if (actor.organizationKind !== "enterprise") throw new ForbiddenError();
  const baseUrl = await partnerBaseUrl(tx, actor.organizationId, input.baseUrl);
  const id = crypto.randomUUID();
  await tx.insert(pactPartners).values({
    id,
    organizationId: actor.organizationId,
    name: input.name,
    baseUrl,
    clientId: input.clientId,
    sealedClientSecret: sealSecret(Buffer.from(input.clientSecret, "utf8"), partnerSecretContext(id)),
    createdBy: actor.id,
  });
  await recordAuditEvent(tx, actor, {
    action: "pactPartner.register",
    entityType: "pact_partner",
    entityId: id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { name: input.name, baseUrl, clientId: input.clientId },
  });
  return { partnerId: id };
}
