import "server-only";
import { z } from "zod";
import { monitorAuditChains } from "@/lib/domain/audit/monitor-audit-chains";
import { expireCertificates } from "@/lib/domain/certificates/expire-certificates";
import { claimFactorImpactRun, FACTOR_IMPACT_LEASE_SECONDS } from "@/lib/domain/factors/claim-factor-impact-run";
import { completeFactorImpactRun } from "@/lib/domain/factors/complete-factor-impact-run";
import { failFactorImpactRun } from "@/lib/domain/factors/fail-factor-impact-run";
import { reportFailedJob } from "@/lib/domain/jobs/report-failed-job";
import { sendReminders } from "@/lib/domain/reminders/send-reminders";
import { DEAD_LETTER_QUEUE, type JobHandlers } from "@/lib/jobs";
import { expireSupplyRequests } from "@/lib/domain/supply-requests/expire-supply-requests";
import { flagChangedSupplierCertificates } from "@/lib/domain/supply-requests/flag-changed-supplier-certificates";
import { deliverPendingMail } from "@/lib/mail/deliver";
import { sendDailyDigests } from "@/lib/mail/digests";
import { deliverDuePactEvents } from "@/lib/pact-delivery/deliver";
import { runAsSystem } from "./run-as-system";
import { runEvidenceScanJob } from "./scan-evidence";

const failedJobReportSchema = z.object({ queue: z.string(), jobId: z.string(), error: z.string() });

/** What each queue of the registry (lib/jobs/queues.ts) does. */
export const JOB_HANDLERS: JobHandlers = {
  // Rounds continue while they find work: a backlog drains in one job.
  "pact-event-delivery": async () => {
    while ((await deliverDuePactEvents()).attempted > 0);
  },
  "certificate-expiry": async (job) => {
    while ((await runAsSystem(job, expireCertificates, {})).expired.length > 0);
  },
  // A round takes a batch; rounds continue until one expires nothing.
  "supply-request-expiry": async (job) => {
    while ((await runAsSystem(job, expireSupplyRequests, {})).expired > 0);
  },
  reminders: async (job) => {
    await runAsSystem(job, sendReminders, {});
  },
  "audit-chain-verification": async (job) => {
    await runAsSystem(job, monitorAuditChains, {});
  },
  "mail-delivery": async () => {
    while ((await deliverPendingMail()).attempted > 0);
  },
  "mail-digest": async () => {
    await sendDailyDigests();
  },
  "supplier-footprint-flags": async (job) => {
    await runAsSystem(job, flagChangedSupplierCertificates, undefined);
  },
  // Each run is claimed (shown running), then computed in a transaction of its own; a backlog drains in one job.
  // A failed computation is recorded on its run (failed after its last attempt) and fails the job, which is retried.
  "factor-impact": async (job) => {
    for (;;) {
      const claimed = await runAsSystem(job, claimFactorImpactRun, { leaseSeconds: FACTOR_IMPACT_LEASE_SECONDS });
      if (!claimed) return;
      try {
        await runAsSystem(job, completeFactorImpactRun, claimed);
      } catch (error) {
        await runAsSystem(job, failFactorImpactRun, { ...claimed, error: error instanceof Error ? error.message : String(error) });
        throw error;
      }
    }
  },
  "evidence-scan": async () => {
    await runEvidenceScanJob();
  },
  [DEAD_LETTER_QUEUE]: async (job) => {
    await runAsSystem(job, reportFailedJob, failedJobReportSchema.parse(job.data));
  },
};
