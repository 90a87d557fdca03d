import "server-only";
import { executeOperation, type Operation } from "@/lib/domain/operation";
import type { JobContext } from "@/lib/jobs";
import { systemActor } from "@/lib/policy";

/**
 * A job is a thin adapter: the guarded domain operation runs as the platform (`systemActor`,
 * named after the queue). A refusal fails the job, so it is retried and, at its last retry,
 * reported to the admins like any other failure.
 */
export async function runAsSystem<Input, Output>(job: JobContext, operation: Operation<Input, Output>, input: Input): Promise<Output> {
  const outcome = await executeOperation(operation, systemActor(job.queue), input);
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}
