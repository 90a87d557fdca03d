import { RETRY_AFTER_SECONDS } from "@/db/availability";
import { healthReport, type ExternalProbes } from "@/lib/dal/health";
import { mailProbe } from "@/lib/mail/health";
import { jobsHealth } from "@/lib/jobs";

export const dynamic = "force-dynamic";

/**
 * Services above the data layer report here: each offers a ServiceProbe (`@/lib/service-health`)
 * returning its status and measurements — the job runner its `queueLagSeconds` and `failed` jobs,
 * mail its outbox backlog (`pending`, `failed`, `queueLagSeconds`).
 */
const EXTERNAL_PROBES: ExternalProbes = { jobs: jobsHealth, mail: mailProbe };

/** 200 while the primary database answers (even with other services degraded), 503 when it does not. */
export async function GET() {
  const report = await healthReport(EXTERNAL_PROBES);
  const unavailable = report.status === "unavailable";
  return Response.json(report, {
    status: unavailable ? 503 : 200,
    headers: { "cache-control": "no-store", ...(unavailable ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {}) },
  });
}
