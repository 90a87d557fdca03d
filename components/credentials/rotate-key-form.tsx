"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { useMessage } from "@/components/use-message";
import { rotateSigningKeyAction } from "@/lib/actions/credentials/rotate-signing-key";
import { rotateSigningKeySchema } from "@/lib/validation/schemas/credentials";

/** Rotation of one body's key, with the reason the audit trail keeps. */
export function RotateKeyForm({ verificationBodyId }: { verificationBodyId: string }) {
  const t = useTranslations("credentials.keys");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: rotateSigningKeySchema,
    defaultValues: { verificationBodyId, reason: "" },
    action: rotateSigningKeyAction,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("rotated")}</Toast> : null}
      <Field label={t("rotateReason")} hint={t("rotateReasonHint")} error={errors.reason?.message}>
        <Textarea rows={2} {...form.register("reason")} />
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? t("rotating") : t("rotate")}
      </Button>
    </form>
  );
}
