import { useTranslations } from "next-intl";
import { ApplicationStatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import type { ApplicationWorkspace } from "@/lib/dal/enterprise-application";

const TONES = {
  draft: "info",
  submitted: "info",
  accepted: "info",
  in_review: "info",
  awaiting_decision: "info",
  changes_requested: "warning",
  declined: "warning",
  certified: "success",
  rejected: "danger",
} as const;

/** Where the application stands and what the enterprise can do now, in every status. */
export function ApplicationStatusPanel({ workspace, en }: { workspace: ApplicationWorkspace; en: boolean }) {
  const t = useTranslations("applications.status");
  const { application, verificationBody } = workspace;
  const body = verificationBody ? (en ? verificationBody.nameEn ?? verificationBody.name : verificationBody.name) : null;
  const reason =
    application.status === "declined"
      ? application.declineReason
      : application.status === "rejected" || application.status === "certified"
        ? application.decisionReason
        : null;
  return (
    <Alert tone={TONES[application.status]}>
      <div className="flex flex-wrap items-center gap-2">
        <ApplicationStatusBadge status={application.status} />
        {body ? <span className="text-sm">{t("body", { body })}</span> : null}
      </div>
      <p className="mt-2">{t(`explain.${application.status}`)}</p>
      {reason ? (
        <p className="mt-1">
          <span className="font-medium">{t("reason")}</span> {reason}
        </p>
      ) : null}
    </Alert>
  );
}
