"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetPasswordAction } from "@/lib/actions/account/reset-password";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { resetPasswordSchema } from "@/lib/validation/schemas/account";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("security.reset");
  const page = useTranslations("security.page");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { token, newPassword: "", confirmPassword: "" },
    action: resetPasswordAction,
  });
  if (succeeded) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("done")}</Alert>
        <Link href="/login" className="inline-flex h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
          {t("signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <Alert tone="danger">
          {translate(formError)}{" "}
          {formError === "security.reset.invalidLink" ? (
            <Link href="/forgot-password" className="font-medium underline">
              {t("requestAgain")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" {...form.register("token")} />
      <Field label={t("newPassword")} hint={page("newPasswordHint", { minimum: PASSWORD_MIN_LENGTH })} error={errors.newPassword?.message}>
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
