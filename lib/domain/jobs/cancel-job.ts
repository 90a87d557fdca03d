import "server-only";
import type { Tx } from "@/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { JobReference } from "@/lib/validation/schemas/jobs";
import { jobOf } from "./job-of";

const CANCELLABLE = ["created", "retry", "active"] as const;

/**
 * The operator gives up a job that waits or runs (a retry loop that cannot succeed). Audited in
 * the operator's trail; the runner is told last, so a refusal leaves the job as it was.
 */
export async function cancelJob(tx: Tx, actor: Actor | null, input: JobReference) {
  assertUserCan(actor, "job.manage");
  const { runner, job } = await jobOf(input);
  if (!(CANCELLABLE as readonly string[]).includes(job.state)) throw new ConflictError("admin.jobs.errors.notCancellable");
  await recordAuditEvent(tx, actor, {
    action: "job.cancel",
    entityType: "job",
    entityId: job.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    fromStatus: job.state,
    toStatus: "cancelled",
    data: { queue: job.queue },
  });
  await runner.cancel(job.queue, job.id);
  return { jobId: job.id };
}
