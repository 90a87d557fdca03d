import "server-only";
import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db";
import { auditEvents, organizations, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { GENESIS_HASH } from "@/lib/audit/chain";
import { verifyChainSegment, type BrokenLink } from "@/lib/audit/verify-chain";
import type { AuditFilters } from "@/lib/validation/schemas/regulator";
import { assertCan } from "./guard";

export const AUDIT_PAGE_SIZE = 50;
const VERIFY_BATCH_SIZE = 5_000;

const actorOrganization = alias(organizations, "actor_organization");
const subjectOrganization = alias(organizations, "subject_organization");

/**
 * The region's audit trail, newest first, one page at a time (keyset on id, so
 * page 1,000 costs what page 1 costs). `nextBefore` is the cursor of the next page.
 */
export async function listAuditEvents(user: CurrentUser, filters: AuditFilters) {
  assertCan(user, "audit.read");
  const conditions: SQL[] = [eq(auditEvents.region, user.region)];
  if (filters.organization) {
    conditions.push(
      sql`(${auditEvents.subjectOrganizationId} = ${filters.organization} or ${auditEvents.actorOrganizationId} = ${filters.organization})`,
    );
  }
  if (filters.product) conditions.push(eq(auditEvents.productId, filters.product));
  if (filters.certificate) conditions.push(eq(auditEvents.certificateId, filters.certificate));
  if (filters.user) conditions.push(eq(auditEvents.actorUserId, filters.user));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, sql`${filters.from}::date`));
  if (filters.to) conditions.push(lt(auditEvents.occurredAt, sql`(${filters.to}::date + 1)`));
  if (filters.before) conditions.push(lt(auditEvents.id, filters.before));

  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      fromStatus: auditEvents.fromStatus,
      toStatus: auditEvents.toStatus,
      reason: auditEvents.reason,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
      actorOrganizationId: auditEvents.actorOrganizationId,
      actorOrganizationName: actorOrganization.name,
      subjectOrganizationId: auditEvents.subjectOrganizationId,
      subjectOrganizationName: subjectOrganization.name,
      productId: auditEvents.productId,
      certificateId: auditEvents.certificateId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(actorOrganization, eq(actorOrganization.id, auditEvents.actorOrganizationId))
    .leftJoin(subjectOrganization, eq(subjectOrganization.id, auditEvents.subjectOrganizationId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const events = hasMore ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
  return { events, nextBefore: hasMore ? events[events.length - 1].id : null };
}

export type ChainVerification = { checked: number; broken: BrokenLink | null };

/**
 * Recomputes the whole hash chain in id order, a batch at a time (constant
 * memory at millions of events), and reports the first broken link. The chain
 * spans every region, so it is checked whole; only the broken id is reported.
 */
export async function verifyAuditChain(executor: DbOrTx = db, batchSize = VERIFY_BATCH_SIZE): Promise<ChainVerification> {
  let previousHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await executor
      .select({
        id: auditEvents.id,
        occurredAt: auditEvents.occurredAt,
        actorUserId: auditEvents.actorUserId,
        actorRole: auditEvents.actorRole,
        actorOrganizationId: auditEvents.actorOrganizationId,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        subjectOrganizationId: auditEvents.subjectOrganizationId,
        region: auditEvents.region,
        productId: auditEvents.productId,
        applicationId: auditEvents.applicationId,
        certificateId: auditEvents.certificateId,
        fromStatus: auditEvents.fromStatus,
        toStatus: auditEvents.toStatus,
        reason: auditEvents.reason,
        data: auditEvents.data,
        prevHash: auditEvents.prevHash,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (batch.length === 0) return { checked, broken: null };
    const result = verifyChainSegment(previousHash, batch);
    if (result.broken) return { checked: checked + batch.findIndex((event) => event.id === result.broken.id), broken: result.broken };
    checked += batch.length;
    previousHash = result.lastHash;
    lastId = batch[batch.length - 1].id;
  }
}
