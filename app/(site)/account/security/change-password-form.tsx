"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMessage } from "@/components/use-message";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/lib/actions/account/change-password";
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
      <NewPasswordFields register={form.register} errors={errors} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
