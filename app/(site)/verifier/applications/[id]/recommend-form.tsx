"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { recommendApplicationAction } from "@/lib/actions/verification/recommend-application";
import { recommendSchema } from "@/lib/validation/schemas/verification";

export function RecommendForm({ applicationId, expectedVersion }: { applicationId: string; expectedVersion: number }) {
  const t = useTranslations("verifier");
  const translate = useMessage();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: recommendSchema,
    defaultValues: { applicationId, expectedVersion, recommendation: "approve", statement: "" },
    action: recommendApplicationAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("recommendation")} error={errors.recommendation?.message}>
        <Select {...form.register("recommendation")}>
          <option value="approve">{t("recommendations.approve")}</option>
          <option value="reject">{t("recommendations.reject")}</option>
        </Select>
      </Field>
      <Field label={t("statement")} hint={t("statementHint")} error={errors.statement?.message}>
        <Textarea rows={6} {...form.register("statement")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("recommend")}
      </Button>
    </form>
  );
}
