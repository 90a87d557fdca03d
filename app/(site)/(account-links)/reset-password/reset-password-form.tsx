"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resetPasswordAction } from "@/lib/actions/account/reset-password";
import { resetPasswordSchema } from "@/lib/validation/schemas/account";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("security.reset");
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
      <NewPasswordFields register={form.register} errors={errors} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
