"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMessage } from "@/components/use-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { changePasswordSchema } from "@/lib/validation/schemas/auth";

export function ChangePasswordForm() {
  const t = useTranslations("security.page");
  const translate = useMessage();
  const [endedElsewhere, setEndedElsewhere] = useState<number | null>(null);
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changePasswordAction,
    resetOnSuccess: true,
    onSuccess: (data) => setEndedElsewhere(data.otherSessionsEnded),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded && endedElsewhere !== null ? <Toast>{t("changed", { count: endedElsewhere })}</Toast> : null}
      <Field label={t("currentPassword")} error={errors.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("currentPassword")} />
      </Field>
      <Field label={t("newPassword")} hint={t("newPasswordHint", { minimum: PASSWORD_MIN_LENGTH })} error={errors.newPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Field label={t("confirmPassword")} error={errors.confirmPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
