import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { pactPartners } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";

/**
 * One of the user's organization's active partners, with what reading from its host needs (its
 * base URL and outbound credentials, the secret still sealed); another's or a removed one is null.
 */
export async function partnerImportTarget(user: CurrentUser | null, partnerId: string) {
  assertCan(user, "supplierFootprint.import");
  const [partner] = await db
    .select({ id: pactPartners.id, baseUrl: pactPartners.baseUrl, clientId: pactPartners.clientId, sealedClientSecret: pactPartners.sealedClientSecret })
    .from(pactPartners)
    .where(and(eq(pactPartners.id, partnerId), eq(pactPartners.organizationId, user.organizationId), isNull(pactPartners.removedAt)));
  return partner ?? null;
}
