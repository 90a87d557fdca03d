import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { applications, certificates, organizations, products } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "./guard";

/** Headline counts of the bureau's region. */
export async function pilotOverview(user: CurrentUser) {
  assertCan(user, "dashboard.read");
  const region = user.region;
  const [[enterprises], [productCount], byStatus, [certificateCount]] = await Promise.all([
    db.select({ value: count() }).from(organizations).where(and(eq(organizations.kind, "enterprise"), eq(organizations.region, region))),
    db
      .select({ value: count() })
      .from(products)
      .innerJoin(organizations, eq(organizations.id, products.organizationId))
      .where(eq(organizations.region, region)),
    db
      .select({ status: applications.status, value: count() })
      .from(applications)
      .where(eq(applications.region, region))
      .groupBy(applications.status),
    db
      .select({ value: count() })
      .from(certificates)
      .where(and(eq(certificates.region, region), eq(certificates.status, "valid"), sql`${certificates.expiresOn} >= current_date`)),
  ]);
  return {
    enterprises: enterprises.value,
    products: productCount.value,
    applicationsByStatus: Object.fromEntries(byStatus.map((row) => [row.status, row.value])) as Record<string, number>,
    validCertificates: certificateCount.value,
  };
}
