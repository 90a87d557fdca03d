"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyEmailAction } from "@/lib/actions/account/verify-email";
import { verifyEmailSchema } from "@/lib/validation/schemas/account";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("security.verifyEmail");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, isSubmitting } = useActionForm({
    schema: verifyEmailSchema,
    defaultValues: { token },
    action: verifyEmailAction,
  });
  if (succeeded) return <Alert tone="success">{t("confirmed")}</Alert>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <input type="hidden" {...form.register("token")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("confirming") : t("confirm")}
      </Button>
    </form>
  );
}
