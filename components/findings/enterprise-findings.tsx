import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import type { ApplicationPage } from "@/lib/dal/enterprise-application";
import { FindingList } from "./finding-list";
import { RespondForm } from "./respond-form";

/**
 * The enterprise's view of its application's findings: every open one while
 * the body has sent it back (answerable, as the policy says), and the history
 * of earlier rounds.
 */
export function EnterpriseFindings({ result, answerable }: { result: ApplicationPage["findings"]; answerable: boolean }) {
  const t = useTranslations("findings");
  if (!result || (result.findings.length === 0 && !result.declineReason && !result.decisionReason)) return null;
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
