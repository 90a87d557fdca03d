import "server-only";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditChains, auditEvents } from "@/db/schema";
import { auditChainKey, auditEventHash, GENESIS_HASH, type AuditContent } from "./chain";

export type AuditActor = { id: string; role: string; organizationId: string; apiClient?: { id: string } } | null;

export type AuditInput = Omit<
  AuditContent,
  "occurredAt" | "actorUserId" | "actorRole" | "actorOrganizationId" | "actorApiClientId"
>;

type ChainHead = { lastSeq: number; lastHash: string };

/**
 * Locks the head of the event's chain until the transaction ends (creating it
 * on the chain's first event): writers of the same organization queue here,
 * writers of other organizations do not.
 */
async function lockChainHead(tx: DbOrTx, chain: string, content: AuditContent): Promise<ChainHead> {
  const lock = () =>
    tx
      .select({ lastSeq: auditChains.lastSeq, lastHash: auditChains.lastHash })
      .from(auditChains)
      .where(eq(auditChains.id, chain))
      .for("update");
  const [head] = await lock();
  if (head) return head;
  // Two first events of a new chain: one insert wins, the other waits for it and then locks its row.
  await tx
    .insert(auditChains)
    .values({
      id: chain,
      region: content.region ?? null,
      organizationId: content.subjectOrganizationId ?? content.actorOrganizationId ?? null,
      lastSeq: 0,
      lastHash: GENESIS_HASH,
    })
    .onConflictDoNothing();
  const [created] = await lock();
  return created;
}

/**
 * Appends one event to its organization's hash chain, inside the caller's
 * transaction so the event exists if and only if the change does. The event
 * and the head's advance go in one statement, so the head stays locked for a
 * single round trip after the hash is known.
 */
export async function recordAuditEvent(tx: DbOrTx, actor: AuditActor, event: AuditInput) {
  const content: AuditContent = {
    ...event,
    occurredAt: new Date().toISOString(),
    actorUserId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    actorOrganizationId: actor?.organizationId ?? null,
    ...(actor?.apiClient ? { actorApiClientId: actor.apiClient.id } : {}),
  };
  const chain = auditChainKey(content);
  const head = await lockChainHead(tx, chain, content);
  const chainSeq = head.lastSeq + 1;
  const hash = auditEventHash(head.lastHash, content);
  const inserted = tx.$with("inserted").as(
    tx
      .insert(auditEvents)
      .values({ ...content, occurredAt: new Date(content.occurredAt), prevHash: head.lastHash, hash, chain, chainSeq })
      .returning({ id: auditEvents.id }),
  );
  const [row] = await tx
    .with(inserted)
    .update(auditChains)
    .set({ lastSeq: chainSeq, lastHash: hash, lastEventId: sql`(select id from ${inserted})`, updatedAt: sql`now()` })
    .where(eq(auditChains.id, chain))
    .returning({ id: sql<number>`(select id from ${inserted})`.mapWith(Number) });
  return row.id;
}
