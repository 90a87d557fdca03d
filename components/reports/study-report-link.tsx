import { FileText } from "lucide-react";
import { useTranslations } from "next-intl";

/** The download of an application's bilingual CFP study report. */
export function StudyReportLink({ applicationId, short = false }: { applicationId: string; short?: boolean }) {
  const t = useTranslations("reports.studyReport");
  return (
    <a
      href={`/api/applications/${applicationId}/study-report`}
      download
      className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline"
    >
      <FileText aria-hidden="true" className="size-4" />
      {short ? t("downloadShort") : t("download")}
    </a>
  );
}
