"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { useMessage } from "@/components/use-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { registerPartnerAction } from "@/lib/actions/pact-partners/register-partner";
import { updatePartnerAction } from "@/lib/actions/pact-partners/update-partner";
import { registerPartnerSchema, updatePartnerSchema } from "@/lib/validation/schemas/pact";

type PartnerInput = { name: string; baseUrl: string; clientId: string; clientSecret: string };

function PartnerFields({ register, errors, editing }: { register: UseFormRegister<PartnerInput>; errors: FieldErrors<PartnerInput>; editing: boolean }) {
  const t = useTranslations("pact.partners");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t("name")} hint={t("nameHint")} error={errors.name?.message}>
        <Input autoComplete="organization" {...register("name")} />
      </Field>
      <Field label={t("baseUrl")} hint={t("baseUrlHint")} error={errors.baseUrl?.message}>
        <Input type="url" inputMode="url" autoComplete="url" spellCheck={false} {...register("baseUrl")} />
      </Field>
      <Field label={t("clientId")} hint={t("clientIdHint")} error={errors.clientId?.message}>
        <Input autoComplete="off" spellCheck={false} {...register("clientId")} />
      </Field>
      <Field label={t("clientSecret")} hint={editing ? t("clientSecretKeepHint") : t("clientSecretHint")} error={errors.clientSecret?.message}>
        <Input type="password" autoComplete="new-password" {...register("clientSecret")} />
      </Field>
    </div>
  );
}

/** Registers a partner's PACT host. */
export function RegisterPartnerForm() {
  const t = useTranslations("pact.partners");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: registerPartnerSchema,
    defaultValues: { name: "", baseUrl: "", clientId: "", clientSecret: "" },
    action: registerPartnerAction,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("registered")}</Toast> : null}
      <PartnerFields register={form.register} errors={errors} editing={false} />
      <Button type="submit" disabled={isSubmitting}>
        {t("register")}
      </Button>
    </form>
  );
}

/** Edits a partner: its stored secret stays unless a new one is typed (it is never shown). */
export function EditPartnerForm({ partner, onDone }: { partner: { id: string; name: string; baseUrl: string; clientId: string }; onDone: () => void }) {
  const t = useTranslations("pact.partners");
  const translate = useMessage();
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: updatePartnerSchema,
    defaultValues: { partnerId: partner.id, name: partner.name, baseUrl: partner.baseUrl, clientId: partner.clientId, clientSecret: "" },
    action: updatePartnerAction,
    onSuccess: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <PartnerFields register={form.register} errors={errors} editing />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {t("save")}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
