import "server-only";
import { and, arrayOverlaps, desc, eq, gt, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { certificates, productFootprints } from "@/db/schema";
import { todayInShanghai } from "@/lib/certificates/validity";
import { beforeCursor, newestFirstCursor, pageFrom, type NewestFirstCursor, type Page } from "@/lib/dal/api/scope";
import type { FootprintFilter } from "@/lib/pact/filters";
import { withStatus, type FootprintStatus, type ProductFootprint } from "@/lib/pact/footprint";
import { assertCan, type UserActor } from "@/lib/policy";

export { newestFirstCursor as footprintCursor };
export type FootprintCursor = NewestFirstCursor;

/**
 * The status a footprint is served with: Deprecated once it was deprecated (a newer footprint,
 * or its certificate suspended or withdrawn), or while its certificate is not valid, including
 * expired by date before any job stored it; Active otherwise.
 */
function statusExpression(today: string): SQL<FootprintStatus> {
  return sql<FootprintStatus>`case when ${productFootprints.deprecatedAt} is not null or ${certificates.status} <> 'valid' or ${certificates.expiresOn} < ${today}::date then 'Deprecated' else 'Active' end`;
}

/**
 * The footprints a PACT client may read: its organization's, and — when its creator limited it —
 * only those of the certificates it was granted. A person of the enterprise sees all of them.
 */
function readableFootprints(actor: UserActor): SQL {
  const own = eq(productFootprints.organizationId, actor.organizationId);
  const granted = actor.apiClient?.footprints;
  if (granted === undefined || granted === "all") return own;
  return granted.length > 0 ? and(own, inArray(productFootprints.certificateId, [...granted]))! : sql`false`;
}

function anyOf(conditions: SQL[]): SQL {
  return conditions.length === 1 ? conditions[0] : or(...conditions)!;
}

/** The filter in SQL: each criterion an OR of its values, the criteria ANDed. */
function matching(filter: FootprintFilter, status: SQL<FootprintStatus>): SQL | undefined {
  if (filter.matchesNothing) return sql`false`;
  const conditions: SQL[] = [];
  if (filter.productIds) conditions.push(arrayOverlaps(productFootprints.productIds, filter.productIds));
  if (filter.companyIds) conditions.push(arrayOverlaps(productFootprints.companyIds, filter.companyIds));
  if (filter.geographies) conditions.push(arrayOverlaps(productFootprints.geographies, filter.geographies));
  if (filter.classifications) conditions.push(arrayOverlaps(productFootprints.classifications, filter.classifications));
  if (filter.validOn) {
    conditions.push(anyOf(filter.validOn.map((instant) => and(lte(productFootprints.validityStart, instant), sql`${instant.toISOString()}::timestamptz <= ${productFootprints.validityEnd}`)!)));
  }
  if (filter.validAfter) conditions.push(anyOf(filter.validAfter.map((instant) => gt(productFootprints.validityStart, instant))));
  if (filter.validBefore) conditions.push(anyOf(filter.validBefore.map((instant) => lt(productFootprints.validityEnd, instant))));
  if (filter.statuses) conditions.push(sql`${status} in (${sql.join(filter.statuses.map((value) => sql`${value}`), sql`, `)})`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

type FootprintRow = { document: unknown; status: FootprintStatus; at: string; id: string };

function served(row: FootprintRow): ProductFootprint {
  return withStatus(row.document as ProductFootprint, row.status);
}

/**
 * PACT ListFootprints: the actor's readable footprints matching the filter, newest first, a page
 * at a time. Runs on `executor`, so an operation can match a request inside its transaction.
 */
export async function listFootprints(
  actor: UserActor,
  filter: FootprintFilter,
  page: { limit: number; after?: FootprintCursor },
  executor: DbOrTx = db,
): Promise<Page<ProductFootprint, FootprintCursor>> {
  assertCan(actor, "footprint.read");
  const status = statusExpression(todayInShanghai());
  const rows = await executor
    .select({ document: productFootprints.document, status, at: sql<string>`${productFootprints.createdAt}::text`, id: productFootprints.id })
    .from(productFootprints)
    .innerJoin(certificates, eq(certificates.id, productFootprints.certificateId))
    .where(and(readableFootprints(actor), matching(filter, status), beforeCursor(productFootprints.createdAt, productFootprints.id, page.after)))
    .orderBy(desc(productFootprints.createdAt), desc(productFootprints.id))
    .limit(page.limit + 1);
  return pageFrom(rows, page.limit, served, (row) => ({ at: row.at, id: row.id }));
}

/** PACT GetFootprint: one footprint by id, or null when it does not exist or is not the actor's to read. */
export async function getFootprint(actor: UserActor, id: string): Promise<ProductFootprint | null> {
  assertCan(actor, "footprint.read");
  const [row] = await db
    .select({ document: productFootprints.document, status: statusExpression(todayInShanghai()), at: sql<string>`${productFootprints.createdAt}::text`, id: productFootprints.id })
    .from(productFootprints)
    .innerJoin(certificates, eq(certificates.id, productFootprints.certificateId))
    .where(and(eq(productFootprints.id, id), readableFootprints(actor)));
  return row ? served(row) : null;
}

/**
 * A certificate's newest footprint as GetFootprint serves it (same document, same status), or
 * null when PACT never published it. The caller has decided the reader may have it.
 */
export async function newestFootprintOfCertificate(certificateId: string): Promise<ProductFootprint | null> {
  const [row] = await db
    .select({ document: productFootprints.document, status: statusExpression(todayInShanghai()), at: sql<string>`${productFootprints.createdAt}::text`, id: productFootprints.id })
    .from(productFootprints)
    .innerJoin(certificates, eq(certificates.id, productFootprints.certificateId))
    .where(eq(productFootprints.certificateId, certificateId))
    .orderBy(desc(productFootprints.createdAt), desc(productFootprints.id))
    .limit(1);
  return row ? served(row) : null;
}
