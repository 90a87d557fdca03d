import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { withdrawSubmissionAction } from "@/lib/actions/applications/withdraw";
import { formatSignificantFigures } from "@/lib/calc/format";
import { useUnitText } from "@/components/use-unit-text";
import type { ApplicationPage } from "@/lib/dal/enterprise-application";
import { MissingList } from "./missing-list";
import { SubmitForm } from "./submit-form";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

/** Review & submit while editable; withdrawal while the body has not accepted; the history of submissions always. */
export function SubmissionSection({ workspace, bodies }: Pick<ApplicationPage, "workspace" | "bodies">) {
  const t = useTranslations("applications.submit");
  const format = useFormatter();
  const en = useLocale() === "en";
  const { application, permitted, missing, history, product } = workspace;
  const submittable = permitted.has("application.submit");
  const perUnit = useUnitText().perDeclaredUnit(product.declaredUnitAmount, product.declaredUnit);
  return (
    <Card id="submission">
      <CardHeader title={t("title")} description={submittable ? t("description") : undefined} />
      <CardBody className="space-y-4">
        {submittable ? (
          <>
            {missing.length ? <MissingList items={missing} /> : <p className="text-sm text-brand-800">{t("complete")}</p>}
            <SubmitForm applicationId={application.id} bodies={bodies} blocked={missing.length > 0} />
          </>
        ) : null}
        {permitted.has("application.withdrawSubmission") ? (
          <div className="space-y-2">
            <p className="text-sm text-slate-700">{t("withdrawHint")}</p>
            <ActionButton
              action={withdrawSubmissionAction}
              input={{ applicationId: application.id }}
              label={t("withdraw")}
              confirm={t("confirmWithdraw")}
              variant="secondary"
            />
          </div>
        ) : null}
        {history.length ? (
          <section aria-labelledby="history-title" className="space-y-2">
            <h3 id="history-title" className="text-sm font-semibold text-slate-900">
              {t("history")}
            </h3>
            <Table>
              <thead>
                <tr>
                  <Th>{t("round")}</Th>
                  <Th>{t("submittedAt")}</Th>
                  <Th>{t("body")}</Th>
                  <Th className="text-right">{t("result")}</Th>
                  <Th>SHA-256</Th>
                </tr>
              </thead>
              <tbody>
                {history.map((submission) => (
                  <tr key={submission.id}>
                    <Td>{submission.round}</Td>
                    <Td>{format.dateTime(submission.submittedAt, DATE_TIME_FORMAT)}</Td>
                    <Td>{en ? submission.bodyNameEn ?? submission.bodyName : submission.bodyName}</Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">
                      {formatSignificantFigures(submission.result)} {perUnit}
                    </Td>
                    <Td>
                      <code className="break-all text-xs">{submission.snapshotSha256}</code>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        ) : null}
      </CardBody>
    </Card>
  );
}
