import "server-only";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isJobQueue, startedJobRunner, type JobRunner, type JobSummary } from "@/lib/jobs";
import type { JobReference } from "@/lib/validation/schemas/jobs";

/** The job the admin named, with the runner that holds it; an unknown queue or id is "not found". */
export async function jobOf(reference: JobReference): Promise<{ runner: JobRunner; job: JobSummary }> {
  if (!isJobQueue(reference.queue)) throw new NotFoundError("admin.jobs.errors.notFound");
  const runner = await startedJobRunner();
  if (!runner) throw new ConflictError("admin.jobs.errors.notRunning");
  const job = await runner.findJob(reference.queue, reference.jobId);
  if (!job) throw new NotFoundError("admin.jobs.errors.notFound");
  return { runner, job };
}
