import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { pactPartners, type PactPartner } from "@/db/schema";
import { NotFoundError, OperationError } from "@/lib/errors";
import { normalizePartnerBaseUrl } from "@/lib/pact/partner-url";
import type { UserActor } from "@/lib/policy";

/** The actor's organization's partner, locked for the change; another's or a removed one is "not found". */
export async function lockOwnPartner(tx: Tx, actor: UserActor, partnerId: string): Promise<PactPartner> {
  const [partner] = await tx
    .select()
    .from(pactPartners)
    .where(and(eq(pactPartners.id, partnerId), eq(pactPartners.organizationId, actor.organizationId), isNull(pactPartners.removedAt)))
    .for("update");
  if (!partner) throw new NotFoundError("pact.errors.partnerNotFound");
  return partner;
}

/**
 * The base URL as stored: normalized, and not already another active partner's of the same
 * organization (replies are routed by it). A URL with a query, fragment or credentials is refused.
 */
export async function partnerBaseUrl(tx: Tx, organizationId: string, input: string, exceptPartnerId?: string): Promise<string> {
  const baseUrl = normalizePartnerBaseUrl(input);
  if (!baseUrl) throw new OperationError("errors.validation", { baseUrl: ["pact.validation.baseUrl"] });
  const [taken] = await tx
    .select({ id: pactPartners.id })
    .from(pactPartners)
    .where(
      and(
        eq(pactPartners.organizationId, organizationId),
        eq(pactPartners.baseUrl, baseUrl),
        isNull(pactPartners.removedAt),
        exceptPartnerId ? ne(pactPartners.id, exceptPartnerId) : undefined,
      ),
    );
  if (taken) throw new OperationError("errors.validation", { baseUrl: ["pact.validation.baseUrlTaken"] });
  return baseUrl;
}

/** The outbound secret is sealed for its own row: a sealed value copied onto another partner does not open. */
export function partnerSecretContext(partnerId: string): string {
  return `pact-partner:${partnerId}`;
}
