import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notify } from "@/lib/notifications/notify";
import { assertCan, type Actor } from "@/lib/policy";

type FailedJobInput = { queue: string; jobId: string; error: string };

/** Errors are stored for the operator, not for the world: a bounded excerpt is enough to act on. */
const ERROR_EXCERPT = 300;

/**
 * A background job failed its last retry: the platform's operators (the admins of every
 * operator organization) are notified, and the failure is recorded in their audit trail.
 */
export async function reportFailedJob(tx: Tx, actor: Actor | null, input: FailedJobInput) {
  assertCan(actor, "job.reportFailure");
  const error = input.error.slice(0, ERROR_EXCERPT);
  const operators = await tx.select({ id: organizations.id, region: organizations.region }).from(organizations).where(eq(organizations.kind, "operator"));
  for (const operator of operators) {
    await notify(tx, { organizationId: operator.id, kind: "jobs.failed", params: { queue: input.queue, jobId: input.jobId, error } });
    await recordAuditEvent(tx, null, {
      action: "job.fail",
      entityType: "job",
      entityId: input.jobId,
      subjectOrganizationId: operator.id,
      region: operator.region,
      data: { queue: input.queue, error },
    });
  }
  return { notified: operators.length };
}
