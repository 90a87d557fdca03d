import "server-only";
import { and, count, countDistinct, eq, gte } from "drizzle-orm";
import { db } from "@/db";
import { certificates } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import { ROLE_HOME } from "@/lib/policy";

/** Public figures only: issued labels are public by design. Valid = not expired on today's date in Asia/Shanghai. */
async function publicRegistryStats() {
  const [row] = await db
    .select({ valid: count(), enterprises: countDistinct(certificates.organizationId) })
    .from(certificates)
    .where(and(eq(certificates.status, "valid"), gte(certificates.expiresOn, todayInShanghai())));
  return { validCertificates: row.valid, certifiedEnterprises: row.enterprises };
}

/** The landing page in one read: the public figures, and the signed-in visitor's workspace. */
export async function getLandingPage() {
  const [user, stats] = await Promise.all([getCurrentUser(), publicRegistryStats()]);
  return { stats, workspaceHref: user ? ROLE_HOME[user.role] : null };
}
