import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { pactEventDeliveries, pactPartners } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import type { OutgoingPactEvent } from "@/lib/pact/events";
import { assertCan, type Actor } from "@/lib/policy";

type ClaimDueDeliveriesInput = { limit: number; leaseSeconds: number; now?: Date };

export type ClaimedDelivery = {
  id: string;
  /** This attempt's number: the outcome is recorded against it. */
  attempt: number;
  event: OutgoingPactEvent;
  partner: { id: string; baseUrl: string; clientId: string; sealedClientSecret: string };
};

/**
 * Takes the PACT replies that are due for an attempt: each row is locked (rows another instance
 * holds are skipped) and leased — its next attempt moved past the lease — so no other runner
 * sends it meanwhile; a runner that dies mid-attempt leaves it to be retried when the lease ends.
 * Leasing is bookkeeping of the delivery, not a change anyone made: the outcome is audited.
 */
export async function claimDueDeliveries(tx: Tx, actor: Actor | null, { limit, leaseSeconds, now = new Date() }: ClaimDueDeliveriesInput): Promise<ClaimedDelivery[]> {
  assertCan(actor, "pactEvent.deliver");
  if (actor.role !== "system") throw new ForbiddenError();
  const due = await tx
    .select({ id: pactEventDeliveries.id })
    .from(pactEventDeliveries)
    .where(and(eq(pactEventDeliveries.status, "pending"), lte(pactEventDeliveries.nextAttemptAt, now)))
    .orderBy(asc(pactEventDeliveries.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  if (due.length === 0) return [];
  const leased = await tx
    .update(pactEventDeliveries)
    .set({
      attempts: sql`${pactEventDeliveries.attempts} + 1`,
      lastAttemptAt: now,
      nextAttemptAt: new Date(now.getTime() + leaseSeconds * 1000),
    })
    .where(inArray(pactEventDeliveries.id, due.map((row) => row.id)))
    .returning({ id: pactEventDeliveries.id, attempts: pactEventDeliveries.attempts, event: pactEventDeliveries.event, partnerId: pactEventDeliveries.partnerId });
  const partners = await tx
    .select({ id: pactPartners.id, baseUrl: pactPartners.baseUrl, clientId: pactPartners.clientId, sealedClientSecret: pactPartners.sealedClientSecret })
    .from(pactPartners)
    .where(inArray(pactPartners.id, [...new Set(leased.map((row) => row.partnerId))]));
  const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
  return leased.map((row) => ({ id: row.id, attempt: row.attempts, event: row.event as OutgoingPactEvent, partner: partnerById.get(row.partnerId)! }));
}
