import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations, supplyRequests, type SupplyRequest } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { todayInShanghai } from "@/lib/certificates/validity";
import type { SupplyRequestStatus } from "@/lib/enums";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { UserActor } from "@/lib/policy";

type Side = "requester" | "supplier";

/**
 * A request the actor's organization sent (`requester`) or received (`supplier`), locked for the
 * change. Anyone else's — a third company's included — is "not found", like a missing one.
 */
export async function lockSupplyRequest(tx: Tx, actor: UserActor, requestId: string, side: Side): Promise<SupplyRequest> {
  const owner = side === "requester" ? supplyRequests.requesterOrganizationId : supplyRequests.supplierOrganizationId;
  const [request] = await tx
    .select()
    .from(supplyRequests)
    .where(and(eq(supplyRequests.id, requestId), eq(owner, actor.organizationId)))
    .for("update");
  if (!request) throw new NotFoundError("supply.errors.requestNotFound");
  return request;
}

/**
 * The request must be in one of `from` and at the version its author saw. A pending or accepted
 * request past its due date counts as expired even before the platform's round closes it.
 */
export function assertRequestState(request: SupplyRequest, expectedVersion: number, from: readonly SupplyRequestStatus[]) {
  if (request.version !== expectedVersion) throw new ConflictError("supply.errors.changed");
  if (!from.includes(request.status)) throw new ConflictError(`supply.errors.notWhen.${request.status}`);
  if (isPastDue(request)) throw new ConflictError("supply.errors.notWhen.expired");
}

/** An open request whose due date (Shanghai) has passed: it can only expire or be cancelled. */
export function isPastDue(request: Pick<SupplyRequest, "status" | "dueOn">, today = todayInShanghai()): boolean {
  return (request.status === "pending" || request.status === "accepted") && request.dueOn < today;
}

type Transition = {
  request: SupplyRequest;
  to: SupplyRequestStatus;
  action: string;
  actor: UserActor | null;
  set?: Partial<typeof supplyRequests.$inferInsert>;
  data?: Record<string, unknown>;
};

/**
 * Moves the request on, conditionally on the state and version it was read in, and records the
 * step in the requester's trail (the request is its own; the supplier is named in the event).
 */
export async function transitionSupplyRequest(tx: Tx, { request, to, action, actor, set = {}, data = {} }: Transition): Promise<SupplyRequest> {
  const [updated] = await tx
    .update(supplyRequests)
    .set({ ...set, status: to, version: request.version + 1, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(supplyRequests.id, request.id), eq(supplyRequests.version, request.version), eq(supplyRequests.status, request.status)))
    .returning();
  if (!updated) throw new ConflictError("supply.errors.changed");
  const [requester] = await tx.select({ region: organizations.region }).from(organizations).where(eq(organizations.id, request.requesterOrganizationId));
  await recordAuditEvent(tx, actor, {
    action,
    entityType: "supply_request",
    entityId: request.id,
    subjectOrganizationId: request.requesterOrganizationId,
    region: requester.region,
    data: { from: request.status, to, supplierOrganizationId: request.supplierOrganizationId, partnerId: request.partnerId, ...data },
  });
  return updated;
}
