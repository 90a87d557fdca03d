import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { applications, organizations, products, productCategories, type ApplicationStatus } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "./guard";

export const QUEUE_STATUSES: ApplicationStatus[] = [
  "submitted",
  "accepted",
  "in_review",
  "changes_requested",
  "awaiting_decision",
];

/** Applications entrusted to the user's verification body, oldest in its stage first. */
export async function listBodyQueue(user: CurrentUser) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "verification_body") return [];
  return db
    .select({
      id: applications.id,
      status: applications.status,
      stageEnteredAt: applications.stageEnteredAt,
      daysWaiting: sql<number>`floor(extract(epoch from (now() - ${applications.stageEnteredAt})) / 86400)::int`,
      productNameZh: products.nameZh,
      productNameEn: products.nameEn,
      enterpriseName: organizations.name,
      enterpriseNameEn: organizations.nameEn,
      categoryZh: productCategories.nameZh,
      categoryEn: productCategories.nameEn,
    })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(productCategories, eq(productCategories.id, applications.categoryId))
    .where(and(eq(applications.verificationBodyId, user.organizationId), inArray(applications.status, QUEUE_STATUSES)))
    .orderBy(asc(applications.stageEnteredAt));
}
