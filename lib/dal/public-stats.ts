import "server-only";
import { and, count, countDistinct, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { certificates } from "@/db/schema";

/** Public figures only: issued labels are public by design. */
export async function publicRegistryStats() {
  const [row] = await db
    .select({ valid: count(), enterprises: countDistinct(certificates.organizationId) })
    .from(certificates)
    .where(and(eq(certificates.status, "valid"), sql`${certificates.expiresOn} >= current_date`));
  return { validCertificates: row.valid, certifiedEnterprises: row.enterprises };
}
