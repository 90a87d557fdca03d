"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { decideApplicationAction } from "@/lib/actions/verification/decide-application";
import { formatSignificant } from "@/lib/calc/format";
import type { DecisionOutcome } from "@/lib/dal/decision-outcome";
import { calendarDate, DATE_FORMAT } from "@/lib/i18n/date-format";
import { decideSchema } from "@/lib/validation/schemas/verification";

type Props = {
  applicationId: string;
  expectedVersion: number;
  /** What approving would certify now; null when there is no submitted round to grade. */
  outcome: DecisionOutcome | null;
};

/**
 * The reviewer's decision. Approving shows the grade and benchmark the certificate will carry and
 * asks for an explicit confirmation of exactly those, which the approval checks against what it issues.
 */
export function DecideForm({ applicationId, expectedVersion, outcome }: Props) {
  const t = useTranslations("verifier");
  const format = useFormatter();
  const translate = useMessage();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: decideSchema,
    defaultValues: {
      applicationId,
      expectedVersion,
      decision: "approve",
      reason: "",
      confirmed: false,
      confirmedOutcome: outcome ? { grade: outcome.grade, benchmarkId: outcome.benchmark?.id ?? null } : null,
    },
    action: decideApplicationAction,
  });
  const approving = form.watch("decision") === "approve";
  const benchmark = outcome?.benchmark ?? null;
  const benchmarkText = benchmark
    ? t("outcome.benchmark", {
        value: formatSignificant(benchmark.value, 4),
        unit: benchmark.declaredUnit,
        version: benchmark.version,
        date: format.dateTime(calendarDate(benchmark.effectiveFrom), DATE_FORMAT),
      })
    : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("decision")} error={errors.decision?.message}>
        <Select {...form.register("decision")}>
          <option value="approve">{t("decisions.approve")}</option>
          <option value="reject">{t("decisions.reject")}</option>
        </Select>
      </Field>
      {approving ? (
        <section aria-labelledby="decision-outcome" className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
          <h3 id="decision-outcome" className="font-medium text-slate-900">
            {t("outcome.title")}
          </h3>
          {outcome ? (
            <>
              <p>{t("outcome.footprint", { value: formatSignificant(outcome.perUnit, 4), unit: outcome.declaredUnit })}</p>
              {outcome.grade !== null && benchmark && outcome.ratio !== null ? (
                <>
                  <p className="text-base font-semibold" data-testid="decision-grade">
                    {t("outcome.grade", { grade: outcome.grade, levels: outcome.levels ?? outcome.grade })}
                  </p>
                  <p>
                    {benchmarkText} · {t("outcome.ratio", { ratio: formatSignificant(outcome.ratio, 3) })}
                  </p>
                  {benchmark.source ? <p className="text-xs text-slate-600">{benchmark.source}</p> : null}
                </>
              ) : (
                <p>{outcome.benchmarkInOtherUnit ? t("outcome.otherUnit", { unit: outcome.benchmarkInOtherUnit }) : t("outcome.noBenchmark")}</p>
              )}
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-1 h-4 w-4 shrink-0" aria-describedby="decision-outcome" {...form.register("confirmed")} />
                <span>
                  {outcome.grade !== null && benchmark
                    ? t("outcome.confirmGraded", { grade: outcome.grade, value: formatSignificant(benchmark.value, 4), unit: benchmark.declaredUnit, version: benchmark.version })
                    : t("outcome.confirmUngraded")}
                </span>
              </label>
            </>
          ) : (
            <p>{t("outcome.unavailable")}</p>
          )}
          {errors.confirmed?.message ? (
            <p role="alert" className="text-sm text-red-700">
              {translate(errors.confirmed.message)}
            </p>
          ) : null}
        </section>
      ) : null}
      <Field label={t("decisionReason")} hint={t("decisionReasonHint")} error={errors.reason?.message}>
        <Textarea {...form.register("reason")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("decide")}
      </Button>
    </form>
  );
}
