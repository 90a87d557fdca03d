import "server-only";
import { desc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { auditEvents } from "@/db/schema";
import { auditEventHash, GENESIS_HASH, type AuditContent } from "./chain";

export type AuditActor = { id: string; role: string; organizationId: string } | null;

export type AuditInput = Omit<
  AuditContent,
  "occurredAt" | "actorUserId" | "actorRole" | "actorOrganizationId"
>;

/** Arbitrary lock key that serializes appends to the hash chain. */
const AUDIT_CHAIN_LOCK = 727_2024;

/**
 * Appends one event to the hash-chained audit trail, inside the caller's
 * transaction so the event exists if and only if the change does.
 */
export async function recordAuditEvent(tx: DbOrTx, actor: AuditActor, event: AuditInput) {
  // One writer at a time extends the chain; the lock ends with the transaction.
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const content: AuditContent = {
    ...event,
    occurredAt: new Date().toISOString(),
    actorUserId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    actorOrganizationId: actor?.organizationId ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditEventHash(prevHash, content);
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...content, occurredAt: new Date(content.occurredAt), prevHash, hash })
    .returning({ id: auditEvents.id });
  return row.id;
}
