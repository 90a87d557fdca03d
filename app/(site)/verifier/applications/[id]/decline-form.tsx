"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { declineApplicationAction } from "@/lib/actions/verification/decline-application";
import { declineSchema } from "@/lib/validation/schemas/verification";

export function DeclineForm({ applicationId, expectedVersion }: { applicationId: string; expectedVersion: number }) {
  const t = useTranslations("verifier");
  const translate = useMessage();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: declineSchema,
    defaultValues: { applicationId, expectedVersion, reason: "" },
    action: declineApplicationAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("declineReason")} hint={t("declineReasonHint")} error={errors.reason?.message}>
        <Textarea {...form.register("reason")} />
      </Field>
      <Button type="submit" variant="danger" disabled={isSubmitting}>
        {t("decline")}
      </Button>
    </form>
  );
}
