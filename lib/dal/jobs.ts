import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { startedJobRunner, type JobsOverview } from "@/lib/jobs";
import { assertCan } from "@/lib/policy";

/** The admin's jobs page: queues with their counts by state and schedules, and the failed jobs; null when this process runs no jobs. */
export async function getJobsPage(user: CurrentUser): Promise<JobsOverview | null> {
  assertCan(user, "job.manage");
  const runner = await startedJobRunner();
  return runner ? runner.overview() : null;
}
