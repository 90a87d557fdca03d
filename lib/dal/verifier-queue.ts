import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { applications, organizations, products, productCategories, type ApplicationStatus } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";
import { z } from "@/lib/validation/zod";

export const QUEUE_STATUSES: ApplicationStatus[] = [
  "submitted",
  "accepted",
  "in_review",
  "changes_requested",
  "awaiting_decision",
];

type QueueFilters = { status?: string; categoryId?: string; enterpriseId?: string };

function isQueueStatus(value: string | undefined): value is ApplicationStatus {
  return QUEUE_STATUSES.includes(value as ApplicationStatus);
}

function bodyScope(user: CurrentUser): SQL {
  return and(eq(applications.verificationBodyId, user.organizationId), inArray(applications.status, QUEUE_STATUSES))!;
}

/**
 * Applications entrusted to the user's verification body, oldest in its stage
 * first; days waiting are counted by the database (not during render).
 */
export async function listBodyQueue(user: CurrentUser, filters: QueueFilters) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "verification_body") return [];
  const conditions = [bodyScope(user)];
  if (isQueueStatus(filters.status)) conditions.push(eq(applications.status, filters.status));
  if (filters.categoryId) conditions.push(eq(applications.categoryId, filters.categoryId));
  if (filters.enterpriseId) {
    // A malformed id (typed into the URL) names no enterprise: nothing matches, and no SQL error.
    if (!z.uuid().safeParse(filters.enterpriseId).success) return [];
    conditions.push(eq(applications.organizationId, filters.enterpriseId));
  }
  return db
    .select({
      id: applications.id,
      status: applications.status,
      reviewStage: applications.reviewStage,
      round: applications.round,
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
    .where(and(...conditions))
    .orderBy(asc(applications.stageEnteredAt), asc(applications.id));
}

/** The categories and enterprises present in the body's queue, for the filter menus. */
async function listBodyQueueFilterOptions(user: CurrentUser) {
  assertCan(user, "application.read");
  if (user.organizationKind !== "verification_body") return { categories: [], enterprises: [] };
  const [categories, enterprises] = await Promise.all([
    db
      .selectDistinct({ id: productCategories.id, nameZh: productCategories.nameZh, nameEn: productCategories.nameEn })
      .from(applications)
      .innerJoin(productCategories, eq(productCategories.id, applications.categoryId))
      .where(bodyScope(user))
      .orderBy(asc(productCategories.id)),
    db
      .selectDistinct({ id: organizations.id, name: organizations.name, nameEn: organizations.nameEn })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(bodyScope(user))
      .orderBy(asc(organizations.name)),
  ]);
  return { categories, enterprises };
}

/** The body's queue page in one read: the filtered applications and the filter menus. */
export async function getBodyQueuePage(user: CurrentUser, filters: QueueFilters) {
  const [rows, options] = await Promise.all([listBodyQueue(user, filters), listBodyQueueFilterOptions(user)]);
  return { rows, options };
}
