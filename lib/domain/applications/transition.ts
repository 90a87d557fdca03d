import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, type Application, type ApplicationStatus } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import { recordStageTransition } from "./stage-durations";

type TransitionRequest = {
  applicationId: string;
  /** The version the user saw; a different current version is a conflict. */
  expectedVersion: number;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  actor: AuditActor;
  /** Audit action name, e.g. `application.accept`. */
  action: string;
  reason?: string | null;
  /** Further columns to set in the same update. */
  set?: Partial<typeof applications.$inferInsert>;
  data?: unknown;
};

/**
 * The guarded status change every workflow operation goes through: one
 * conditional UPDATE (state and version must still be what the user saw), so
 * of two concurrent attempts exactly one succeeds; the stage transition, its
 * days-in-stage bucket and the audit event are written in the same transaction.
 */
export async function transitionApplication(tx: Tx, request: TransitionRequest): Promise<Application> {
  const now = new Date();
  const [before] = await tx
    .select({
      status: applications.status,
      stageEnteredAt: applications.stageEnteredAt,
      organizationId: applications.organizationId,
      productId: applications.productId,
      region: applications.region,
      district: applications.district,
      categoryId: applications.categoryId,
    })
    .from(applications)
    .where(eq(applications.id, request.applicationId));
  if (!before) throw new ConflictError();

  const [updated] = await tx
    .update(applications)
    .set({
      ...request.set,
      status: request.to,
      version: sql`${applications.version} + 1`,
      stageEnteredAt: request.to === before.status ? before.stageEnteredAt : now,
      updatedAt: now,
    })
    .where(
      and(
        eq(applications.id, request.applicationId),
        eq(applications.version, request.expectedVersion),
        inArray(applications.status, [...request.from]),
      ),
    )
    .returning();
  if (!updated) throw new ConflictError();

  if (request.to !== before.status) {
    const days = (now.getTime() - before.stageEnteredAt.getTime()) / 86_400_000;
    await recordStageTransition(tx, {
      applicationId: request.applicationId,
      region: before.region,
      district: before.district,
      categoryId: before.categoryId,
      fromStatus: before.status,
      toStatus: request.to,
      enteredFromAt: before.stageEnteredAt,
      at: now,
      daysInFrom: days.toFixed(4),
    });
  }
  await recordAuditEvent(tx, request.actor, {
    action: request.action,
    entityType: "application",
    entityId: request.applicationId,
    subjectOrganizationId: before.organizationId,
    region: before.region,
    productId: before.productId,
    applicationId: request.applicationId,
    fromStatus: before.status,
    toStatus: request.to,
    reason: request.reason ?? null,
    data: request.data ?? null,
  });
  return updated;
}
