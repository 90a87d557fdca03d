import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { getJobsPage } from "@/lib/dal/jobs";
import { JOB_STATES } from "@/lib/jobs/runner";
import { AREA_ROLES } from "@/lib/policy";
import { JobActions } from "./job-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.jobs");
  return { title: t("metaTitle") };
}

export default async function JobsPage() {
  const user = await requirePageUser(AREA_ROLES.admin, "/admin/jobs");
  const [t, format, overview] = await Promise.all([getTranslations("admin.jobs"), getFormatter(), getJobsPage(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {!overview ? (
        <Alert tone="warning">{t("notRunning")}</Alert>
      ) : (
        <div className="space-y-6">
          <Card>
            <CardHeader title={t("queues")} description={t(`runner.${overview.runner}`)} />
            <Table>
              <caption className="sr-only">{t("queues")}</caption>
              <thead>
                <tr>
                  <Th>{t("queue")}</Th>
                  <Th>{t("schedule")}</Th>
                  {JOB_STATES.map((state) => (
                    <Th key={state} className="text-right">
                      {t(`states.${state}`)}
                    </Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.queues.map((queue) => (
                  <tr key={queue.queue}>
                    <Td>
                      <span className="block font-medium">{t(`queueNames.${queue.queue}`)}</span>
                      <span className="font-mono text-xs text-slate-600">{queue.queue}</span>
                    </Td>
                    <Td className="font-mono text-xs">{queue.cron ? t("cron", { cron: queue.cron }) : t("onDemand")}</Td>
                    {JOB_STATES.map((state) => (
                      <Td key={state} className="text-right tabular-nums">
                        {format.number(queue.counts[state])}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
          <Card>
            <CardHeader title={t("failing")} />
            {overview.failing.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-700">{t("noFailing")}</p>
              </CardBody>
            ) : (
              <Table>
                <caption className="sr-only">{t("failing")}</caption>
                <thead>
                  <tr>
                    <Th>{t("queue")}</Th>
                    <Th>{t("state")}</Th>
                    <Th>{t("error")}</Th>
                    <Th>{t("when")}</Th>
                    <Th>{t("actions")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {overview.failing.map((job) => (
                    <tr key={job.id}>
                      <Td>
                        <span className="block">{t(`queueNames.${job.queue}`)}</span>
                        <span className="font-mono text-xs text-slate-600">{job.id}</span>
                      </Td>
                      <Td>
                        <Badge tone={job.state === "failed" ? "danger" : "warning"}>{t(`states.${job.state}`)}</Badge>
                        <span className="block text-xs text-slate-600">{t("attempts", { count: job.retryCount + 1 })}</span>
                      </Td>
                      <Td className="max-w-md break-words font-mono text-xs">{job.error ?? t("noError")}</Td>
                      <Td className="text-xs">{format.dateTime(job.completedOn ?? job.createdOn, { dateStyle: "medium", timeStyle: "short" })}</Td>
                      <Td>
                        <JobActions queue={job.queue} jobId={job.id} mayRetry={job.state === "failed"} mayCancel={job.state === "retry"} />
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
