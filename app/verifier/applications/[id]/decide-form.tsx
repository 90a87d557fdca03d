"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { decideApplicationAction } from "@/lib/actions/verification/decide-application";
import { decideSchema } from "@/lib/validation/schemas/verification";

export function DecideForm({ applicationId, expectedVersion }: { applicationId: string; expectedVersion: number }) {
  const t = useTranslations("verifier");
  const translate = useMessage();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: decideSchema,
    defaultValues: { applicationId, expectedVersion, decision: "approve", reason: "" },
    action: decideApplicationAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("decision")} error={errors.decision?.message}>
        <Select {...form.register("decision")}>
          <option value="approve">{t("decisions.approve")}</option>
          <option value="reject">{t("decisions.reject")}</option>
        </Select>
      </Field>
      <Field label={t("decisionReason")} hint={t("decisionReasonHint")} error={errors.reason?.message}>
        <Textarea {...form.register("reason")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("decide")}
      </Button>
    </form>
  );
}
