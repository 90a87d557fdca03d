"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { respondToFindingAction } from "@/lib/actions/verification/respond-to-finding";
import { respondToFindingSchema } from "@/lib/validation/schemas/verification";

/** The enterprise's answer to one open finding (it can be revised until resubmission). */
export function RespondForm({ findingId, response }: { findingId: string; response: string | null }) {
  const t = useTranslations("findings");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: respondToFindingSchema,
    defaultValues: { findingId, response: response ?? "" },
    action: respondToFindingAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("answerSaved")}</Toast> : null}
      <Field label={t("yourAnswer")} error={errors.response?.message}>
        <Textarea {...form.register("response")} />
      </Field>
      <Button type="submit" size="sm" disabled={isSubmitting}>
        {t("saveAnswer")}
      </Button>
    </form>
  );
}
