import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, pactEventDeliveries } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ForbiddenError } from "@/lib/errors";
import { nextAttemptAfterFailure } from "@/lib/pact/delivery-schedule";
import { assertCan, type Actor } from "@/lib/policy";

type DeliveryOutcomeInput = {
  deliveryId: string;
  /** The attempt the outcome belongs to (from the claim). */
  attempt: number;
  delivered: boolean;
  /** Why the attempt failed, as `kind` or `kind:detail` (lib/pact-client/partner-client.ts DeliveryError) — never the partner's response body. */
  error?: string;
  now?: Date;
};

/**
 * Records one delivery attempt: delivered; or failed, to be retried after the backoff delay, or
 * abandoned once the next attempt would fall after the 72-hour deadline. Delivery and abandonment
 * are audited; a failed attempt that will be retried is kept on the row only. An outcome for an
 * attempt that is no longer the current one (a lease that ran out) changes nothing.
 */
export async function recordDeliveryOutcome(tx: Tx, actor: Actor | null, input: DeliveryOutcomeInput) {
  assertCan(actor, "pactEvent.deliver");
  if (actor.role !== "system") throw new ForbiddenError();
  const now = input.now ?? new Date();
  const [delivery] = await tx
    .select()
    .from(pactEventDeliveries)
    .where(and(eq(pactEventDeliveries.id, input.deliveryId), eq(pactEventDeliveries.status, "pending"), eq(pactEventDeliveries.attempts, input.attempt)))
    .for("update");
  if (!delivery) return { status: "stale" as const };

  const next = input.delivered ? null : nextAttemptAfterFailure(now, delivery.attempts, delivery.deliverUntil);
  const status = input.delivered ? "delivered" : next ? "pending" : "abandoned";
  await tx
    .update(pactEventDeliveries)
    .set({
      status,
      lastError: input.delivered ? null : (input.error ?? "unknown"),
      ...(input.delivered ? { deliveredAt: now } : {}),
      ...(next ? { nextAttemptAt: next } : {}),
    })
    .where(eq(pactEventDeliveries.id, delivery.id));
  if (status !== "pending") {
    const [organization] = await tx.select({ region: organizations.region }).from(organizations).where(eq(organizations.id, delivery.organizationId));
    await recordAuditEvent(tx, null, {
      action: status === "delivered" ? "pactEvent.deliver" : "pactEvent.abandon",
      entityType: "pact_event_delivery",
      entityId: delivery.id,
      subjectOrganizationId: delivery.organizationId,
      region: organization.region,
      data: { eventType: delivery.eventType, attempts: delivery.attempts, partnerId: delivery.partnerId, job: actor.job, ...(input.error ? { error: input.error } : {}) },
    });
  }
  return { status };
}
