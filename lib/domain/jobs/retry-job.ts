import "server-only";
import type { Tx } from "@/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { JobReference } from "@/lib/validation/schemas/jobs";
import { jobOf } from "./job-of";

/**
 * The operator runs a failed job once more. Audited in the operator's trail; the runner is told
 * last, so a refusal or a failed audit leaves the job as it was.
 */
export async function retryJob(tx: Tx, actor: Actor | null, input: JobReference) {
  assertUserCan(actor, "job.manage");
  const { runner, job } = await jobOf(input);
  if (job.state !== "failed") throw new ConflictError("admin.jobs.errors.notFailed");
  await recordAuditEvent(tx, actor, {
    action: "job.retry",
    entityType: "job",
    entityId: job.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    fromStatus: job.state,
    toStatus: "retry",
    data: { queue: job.queue, error: job.error },
  });
  await runner.retry(job.queue, job.id);
  return { jobId: job.id };
}
