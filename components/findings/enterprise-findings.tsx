import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { listEnterpriseFindings } from "@/lib/dal/findings";
import { FindingList } from "./finding-list";
import { RespondForm } from "./respond-form";

/**
 * The enterprise's view of its application's findings: every open one while
 * the body has sent it back (answerable), and the history of earlier rounds.
 */
export async function EnterpriseFindings({ applicationId }: { applicationId: string }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const result = await listEnterpriseFindings(user, applicationId);
  if (!result || (result.findings.length === 0 && !result.declineReason && !result.decisionReason)) return null;
  const t = await getTranslations("findings");
  const answerable = result.status === "changes_requested" && can(user.role, "finding.respond");
  return (
    <Card>
      <CardHeader title={t("title")} description={answerable ? t("answerHint") : undefined} />
      <CardBody className="space-y-4">
        {result.status === "declined" && result.declineReason ? (
          <Alert tone="warning">{t("declined", { reason: result.declineReason })}</Alert>
        ) : null}
        {result.status === "rejected" && result.decisionReason ? (
          <Alert tone="danger">{t("rejected", { reason: result.decisionReason })}</Alert>
        ) : null}
        <FindingList
          findings={result.findings}
          renderActions={(finding) =>
            answerable && finding.status === "open" ? <RespondForm findingId={finding.id} response={finding.response} /> : null
          }
        />
      </CardBody>
    </Card>
  );
}
