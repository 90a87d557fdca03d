"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { declareConflictAction } from "@/lib/actions/verification/declare-conflict";
import { declareConflictSchema } from "@/lib/validation/schemas/verification";

/** Declares a conflict of interest with the enterprise behind this application. */
export function ConflictForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("verifier");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: declareConflictSchema,
    defaultValues: { applicationId, reason: "" },
    action: declareConflictAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("conflictDeclared")}</Toast> : null}
      <Field label={t("conflictReason")} hint={t("conflictHint")} error={errors.reason?.message}>
        <Textarea {...form.register("reason")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("declareConflict")}
      </Button>
    </form>
  );
}
