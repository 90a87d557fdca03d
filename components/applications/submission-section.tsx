import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { withdrawSubmissionAction } from "@/lib/actions/applications/withdraw";
import type { CurrentUser } from "@/lib/auth/current-user";
import { formatSignificant } from "@/lib/calc/format";
import { listChoosableBodies, type ApplicationWorkspace } from "@/lib/dal/enterprise-application";
import { MissingList } from "./missing-list";
import { SubmitForm } from "./submit-form";

/** Review & submit while editable; withdrawal while the body has not accepted; the history of submissions always. */
export async function SubmissionSection({ user, workspace }: { user: CurrentUser; workspace: ApplicationWorkspace }) {
  const t = await getTranslations("applications.submit");
  const format = await getFormatter();
  const en = (await getLocale()) === "en";
  const { application, editable, missing, history, product } = workspace;
  const bodies = editable ? await listChoosableBodies(user) : [];
  return (
    <Card id="submission">
      <CardHeader title={t("title")} description={editable ? t("description") : undefined} />
      <CardBody className="space-y-4">
        {editable ? (
          <>
            {missing.length ? <MissingList items={missing} /> : <p className="text-sm text-brand-800">{t("complete")}</p>}
            <SubmitForm applicationId={application.id} bodies={bodies} blocked={missing.length > 0} />
          </>
        ) : null}
        {application.status === "submitted" ? (
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
                    <Td>{format.dateTime(submission.submittedAt, { dateStyle: "medium", timeStyle: "short" })}</Td>
                    <Td>{en ? submission.bodyNameEn ?? submission.bodyName : submission.bodyName}</Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">
                      {formatSignificant(submission.result)} kg CO₂e/{product.declaredUnit}
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
