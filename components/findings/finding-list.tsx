import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { FindingItem } from "@/lib/dal/verifier-application";
import { DATE_FORMAT } from "@/lib/i18n/date-format";

const SEVERITY_TONES = { major: "danger", minor: "warning", observation: "info" } as const;

type Props = {
  findings: FindingItem[];
  /** Controls shown under a finding (close, answer), decided by the page. */
  renderActions?: (finding: FindingItem) => ReactNode;
};

/** Findings with their line, severity, status and the enterprise's answer; shared by both sides. */
export function FindingList({ findings, renderActions }: Props) {
  const t = useTranslations("findings");
  const format = useFormatter();
  if (findings.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="space-y-3">
      {findings.map((finding) => (
        <li key={finding.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={SEVERITY_TONES[finding.severity]}>{t(`severities.${finding.severity}`)}</Badge>
            <Badge tone={finding.status === "open" ? "warning" : "success"}>{t(`statuses.${finding.status}`)}</Badge>
            <span className="text-xs text-slate-600">
              {t("roundN", { round: finding.round })} · {finding.lineDescription ?? t("wholeApplication")} · {finding.raisedByName} ·{" "}
              {format.dateTime(finding.raisedAt, DATE_FORMAT)}
            </span>
          </div>
          <p className="mt-2 whitespace-pre-wrap text-slate-900">{finding.text}</p>
          {finding.response ? (
            <div className="mt-2 border-l-2 border-brand-300 pl-3">
              <p className="text-xs font-medium text-slate-600">{t("response")}</p>
              <p className="whitespace-pre-wrap">{finding.response}</p>
            </div>
          ) : null}
          {renderActions ? <div className="mt-2">{renderActions(finding)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
