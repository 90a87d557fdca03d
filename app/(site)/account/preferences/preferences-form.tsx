"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { setMailPreferencesAction } from "@/lib/actions/account/set-mail-preferences";
import { MAIL_PREFERENCES, type MailPreference } from "@/lib/enums";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { mailPreferencesSchema } from "@/lib/validation/schemas/account";

export function PreferencesForm({ defaults }: { defaults: { mailPreference: MailPreference; locale: Locale } }) {
  const t = useTranslations("security.preferences");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: mailPreferencesSchema,
    defaultValues: defaults,
    action: setMailPreferencesAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Alert tone="success">{t("saved")}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t("mailPreference")}</legend>
        {MAIL_PREFERENCES.map((option) => (
          <label key={option} className="flex items-start gap-2 text-sm">
            <input type="radio" value={option} className="mt-1" {...form.register("mailPreference")} />
            <span>{t(`options.${option}`)}</span>
          </label>
        ))}
        {errors.mailPreference?.message ? <p className="text-sm text-red-700">{translate(errors.mailPreference.message)}</p> : null}
      </fieldset>
      <Field label={t("locale")} error={errors.locale?.message}>
        <Select {...form.register("locale")}>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`languages.${locale}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
