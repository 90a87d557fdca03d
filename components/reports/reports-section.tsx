import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ApplicationWorkspace } from "@/lib/dal/enterprise-application";
import { StudyReportLink } from "./study-report-link";

/** The documents an application's footprint yields: the CFP study report (and, for batteries, the EU declaration). */
export function ReportsSection({
  workspace,
  pactExport = null,
  children,
}: {
  workspace: ApplicationWorkspace;
  /** The certificate whose PACT file the viewer may download (certified applications). */
  pactExport?: { number: string } | null;
  children?: ReactNode;
}) {
  const t = useTranslations("reports");
  const { application } = workspace;
  return (
    <Card id="reports">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="space-y-6">
        <section aria-labelledby="study-report-title" className="space-y-2">
          <h3 id="study-report-title" className="text-sm font-semibold text-slate-900">
            {t("studyReport.title")}
          </h3>
          <p className="text-sm text-slate-600">{t("studyReport.description")}</p>
          {workspace.studyReportAvailable ? (
            <>
              <StudyReportLink applicationId={application.id} />
              {application.status === "certified" ? <p className="text-xs text-slate-600">{t("studyReport.frozen")}</p> : null}
            </>
          ) : (
            <p className="text-sm text-amber-800">{t("studyReport.notCalculated")}</p>
          )}
        </section>
        {pactExport ? (
          <section aria-labelledby="pact-export-title" className="space-y-2">
            <h3 id="pact-export-title" className="text-sm font-semibold text-slate-900">
              {t("pactExport.title")}
            </h3>
            <p className="text-sm text-slate-600">{t("pactExport.description")}</p>
            <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <li>
                <a className="font-medium text-brand-700 hover:underline" download href={`/api/certificates/${encodeURIComponent(pactExport.number)}/pact`}>
                  {t("pactExport.download")}
                </a>
              </li>
              <li>
                <a className="font-medium text-brand-700 hover:underline" download href={`/api/labels/${encodeURIComponent(pactExport.number)}/credential?download=1`}>
                  {t("pactExport.credential")}
                </a>
              </li>
            </ul>
          </section>
        ) : null}
        {children}
      </CardBody>
    </Card>
  );
}
