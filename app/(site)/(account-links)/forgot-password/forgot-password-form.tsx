"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { requestPasswordResetAction } from "@/lib/actions/account/request-password-reset";
import { requestPasswordResetSchema } from "@/lib/validation/schemas/account";

export function ForgotPasswordForm() {
  const t = useTranslations("security.reset");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: requestPasswordResetSchema,
    defaultValues: { email: "" },
    action: requestPasswordResetAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Alert tone="success">{t("sent")}</Alert> : null}
      <Field label={t("email")} error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("sending") : t("send")}
      </Button>
    </form>
  );
}
