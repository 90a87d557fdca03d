import "server-only";
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, lte, ne, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db";
import { apiClients, auditChains, auditEvents, organizations, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { GENESIS_HASH, LEGACY_CHAIN } from "@/lib/audit/chain";
import { ChainVerifier, checkChainEnd, verifyChainSegment, type BrokenLink } from "@/lib/audit/verify-chain";
import type { AuditFilters } from "@/lib/validation/schemas/regulator";
import { assertCan } from "@/lib/policy";
import { shanghaiDayStart } from "./shanghai-day";

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
  if (filters.organizationName) {
    const named = sql`(select ${organizations.id} from ${organizations} where ${organizations.name} = ${filters.organizationName} or ${organizations.nameEn} = ${filters.organizationName})`;
    conditions.push(sql`(${auditEvents.subjectOrganizationId} in ${named} or ${auditEvents.actorOrganizationId} in ${named})`);
  }
  if (filters.actorName) {
    conditions.push(sql`${auditEvents.actorUserId} in (select ${users.id} from ${users} where ${users.name} = ${filters.actorName})`);
  }
  if (filters.organization) {
    conditions.push(
      sql`(${auditEvents.subjectOrganizationId} = ${filters.organization} or ${auditEvents.actorOrganizationId} = ${filters.organization})`,
    );
  }
  if (filters.product) conditions.push(eq(auditEvents.productId, filters.product));
  if (filters.certificate) conditions.push(eq(auditEvents.certificateId, filters.certificate));
  if (filters.user) conditions.push(eq(auditEvents.actorUserId, filters.user));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  // Days of the pilot's calendar, as on the dashboard: not the database session's midnight.
  if (filters.from) conditions.push(gte(auditEvents.occurredAt, shanghaiDayStart(sql`${filters.from}::date`)));
  if (filters.to) conditions.push(lt(auditEvents.occurredAt, shanghaiDayStart(sql`${filters.to}::date + 1`)));
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
      actorApiClientName: apiClients.name,
      actorOrganizationId: auditEvents.actorOrganizationId,
      actorOrganizationName: actorOrganization.name,
      subjectOrganizationId: auditEvents.subjectOrganizationId,
      subjectOrganizationName: subjectOrganization.name,
      productId: auditEvents.productId,
      certificateId: auditEvents.certificateId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(apiClients, eq(apiClients.id, auditEvents.actorApiClientId))
    .leftJoin(actorOrganization, eq(actorOrganization.id, auditEvents.actorOrganizationId))
    .leftJoin(subjectOrganization, eq(subjectOrganization.id, auditEvents.subjectOrganizationId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const events = hasMore ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
  return { events, nextBefore: hasMore ? events[events.length - 1].id : null };
}

/** How many names each filter suggests at most. */
const FILTER_CHOICE_LIMIT = 500;

/**
 * The names the audit filters suggest, from the viewer's region's trail only: the people who
 * acted in it and the organizations it concerns or that acted in it. Names, never ids: a person
 * filters by what they read; the trail read maps a name back to its ids.
 */
export async function auditFilterChoices(user: CurrentUser) {
  assertCan(user, "audit.read");
  const inRegion = (column: SQL) => sql`exists (select 1 from ${auditEvents} where ${auditEvents.region} = ${user.region} and ${column})`;
  const [actors, organizationRows] = await Promise.all([
    db
      .selectDistinct({ name: users.name })
      .from(users)
      .where(inRegion(sql`${auditEvents.actorUserId} = ${users.id}`))
      .orderBy(asc(users.name))
      .limit(FILTER_CHOICE_LIMIT),
    db
      .selectDistinct({ name: organizations.name, nameEn: organizations.nameEn })
      .from(organizations)
      .where(
        or(
          inRegion(sql`${auditEvents.subjectOrganizationId} = ${organizations.id}`),
          // Acting organizations through their people, so the actor index answers (actor_idx).
          sql`exists (select 1 from ${users} u where u.organization_id = ${organizations.id} and ${inRegion(sql`${auditEvents.actorUserId} = u.id`)})`,
        ),
      )
      .orderBy(asc(organizations.name))
      .limit(FILTER_CHOICE_LIMIT),
  ]);
  return {
    actors: actors.map((row) => row.name),
    organizations: organizationRows.map((row) => ({ name: row.name, nameEn: row.nameEn })),
  };
}

export type ChainVerification = { checked: number; broken: BrokenLink | null };

/** Whose chains a verification covers: one region's (a regulator's), or the whole platform's. */
type AuditChainScope = { region: string } | "all";

/** The hashed content of an event and its place in its chain, as the verifier reads them. */
const storedEventColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorUserId: auditEvents.actorUserId,
  actorRole: auditEvents.actorRole,
  actorOrganizationId: auditEvents.actorOrganizationId,
  actorApiClientId: auditEvents.actorApiClientId,
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
};

/**
 * The closed chain of the events recorded before per-organization chains, in id
 * order from the genesis hash to its head. It spans every region (its links
 * cross them), so every scope checks it whole; only the broken id is reported.
 */
async function verifyLegacyChain(executor: DbOrTx, batchSize: number): Promise<ChainVerification> {
  const [head] = await executor
    .select({ lastSeq: auditChains.lastSeq, lastHash: auditChains.lastHash, lastEventId: auditChains.lastEventId })
    .from(auditChains)
    .where(eq(auditChains.id, LEGACY_CHAIN));
  let previous = null as { id: number; hash: string } | null;
  let checked = 0;
  for (;;) {
    const batch = await executor
      .select(storedEventColumns)
      .from(auditEvents)
      .where(and(isNull(auditEvents.chain), gt(auditEvents.id, previous?.id ?? 0)))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    // Rows past the point where the legacy chain was closed were not recorded by the application.
    const withinHead = batch.slice(0, Math.max(0, (head?.lastSeq ?? 0) - checked));
    const result = verifyChainSegment(previous?.hash ?? GENESIS_HASH, withinHead);
    if (result.broken) return { checked: checked + withinHead.findIndex((event) => event.id === result.broken.id), broken: result.broken };
    if (withinHead.length < batch.length) {
      return { checked: checked + withinHead.length, broken: { id: batch[withinHead.length].id, problem: "link" } };
    }
    checked += batch.length;
    previous = { id: batch[batch.length - 1].id, hash: result.lastHash };
  }
  const broken = head ? checkChainEnd(previous && { id: previous.id, chainSeq: checked, hash: previous.hash }, head) : null;
  return { checked, broken };
}

/**
 * Every per-organization chain in scope, streamed in (chain, seq) order a batch
 * at a time with each event's head joined in the same statement; then heads
 * whose every event is gone. A region's check streams the events whose hashed
 * content names the region: one moved out of its chain leaves a gap there, and
 * one filed under a chain that is not its own breaks a link where it lands.
 */
async function verifyOrganizationChains(executor: DbOrTx, batchSize: number, scope: AuditChainScope): Promise<ChainVerification> {
  const region = scope === "all" ? null : scope.region;
  const verifier = new ChainVerifier();
  let after = null as { chain: string; chainSeq: number } | null;
  for (;;) {
    // Keyset on the index's columns. For a region, `region <= X` with the row comparison means region = X,
    // and lets the index scan start at the cursor (with `region = X` PostgreSQL starts at the region's start).
    const inScope = !after
      ? region === null
        ? undefined
        : eq(auditEvents.region, region)
      : region === null
        ? sql`(${auditEvents.chain}, ${auditEvents.chainSeq}) > (${after.chain}, ${after.chainSeq})`
        : and(
            lte(auditEvents.region, region),
            sql`(${auditEvents.region}, ${auditEvents.chain}, ${auditEvents.chainSeq}) > (${region}, ${after.chain}, ${after.chainSeq})`,
          );
    const batch = await executor
      .select({
        ...storedEventColumns,
        chain: sql<string>`${auditEvents.chain}`,
        chainSeq: sql<number>`${auditEvents.chainSeq}`.mapWith(Number),
        headLastSeq: auditChains.lastSeq,
        headLastHash: auditChains.lastHash,
        headLastEventId: auditChains.lastEventId,
      })
      .from(auditEvents)
      .leftJoin(auditChains, eq(auditChains.id, auditEvents.chain))
      .where(and(isNotNull(auditEvents.chain), inScope))
      .orderBy(...(region === null ? [] : [asc(auditEvents.region)]), asc(auditEvents.chain), asc(auditEvents.chainSeq))
      .limit(batchSize);
    if (batch.length === 0) break;
    for (const { headLastSeq, headLastHash, headLastEventId, ...event } of batch) {
      const head = headLastSeq === null || headLastHash === null ? null : { lastSeq: headLastSeq, lastHash: headLastHash, lastEventId: headLastEventId };
      const broken = verifier.add(event, head);
      if (broken) return { checked: verifier.checked, broken };
    }
    after = batch[batch.length - 1];
  }
  const ended = verifier.end();
  if (ended) return { checked: verifier.checked, broken: ended };

  const [emptied] = await executor
    .select({ lastSeq: auditChains.lastSeq, lastHash: auditChains.lastHash, lastEventId: auditChains.lastEventId })
    .from(auditChains)
    .where(
      and(
        ne(auditChains.id, LEGACY_CHAIN),
        region === null ? undefined : eq(auditChains.region, region),
        gt(auditChains.lastSeq, 0),
        notExists(
          executor
            .select({ one: sql`1` })
            .from(auditEvents)
            .where(and(eq(auditEvents.chain, auditChains.id), region === null ? undefined : eq(auditEvents.region, region))),
        ),
      ),
    )
    .limit(1);
  return { checked: verifier.checked, broken: emptied ? checkChainEnd(null, emptied) : null };
}

/**
 * Recomputes the hash chains in scope, a batch at a time (constant memory at
 * millions of events), and reports the first broken link: any edited, removed,
 * reordered, moved or inserted event. Without a scope, every chain of the
 * platform (tests, operators); a regulator verifies its region's.
 */
export async function verifyAuditChain(
  executor: DbOrTx = db,
  batchSize = VERIFY_BATCH_SIZE,
  scope: AuditChainScope = "all",
): Promise<ChainVerification> {
  const legacy = await verifyLegacyChain(executor, batchSize);
  if (legacy.broken) return legacy;
  const chains = await verifyOrganizationChains(executor, batchSize, scope);
  return { checked: legacy.checked + chains.checked, broken: chains.broken };
}
