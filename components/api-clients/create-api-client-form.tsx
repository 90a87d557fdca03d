"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMessage } from "@/components/use-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ApiScope, CertificateStatus } from "@/lib/enums";
import { createApiClientAction } from "@/lib/actions/api-clients/create-api-client";
import { createApiClientSchema } from "@/lib/validation/schemas/api-clients";
import { OneTimeSecret } from "./one-time-secret";
import { scopeKey } from "./scope-key";

type FootprintChoice = { id: string; number: string; productName: string; status: CertificateStatus };

type Props = {
  grantableScopes: readonly ApiScope[];
  footprintChoices: FootprintChoice[];
  defaultExpiresOn: string;
  maximumDays: number;
};

export function CreateApiClientForm({ grantableScopes, footprintChoices, defaultExpiresOn, maximumDays }: Props) {
  const t = useTranslations("apiClients");
  const common = useTranslations("common");
  const translate = useMessage();
  const [created, setCreated] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const empty = { name: "", scopes: [] as ApiScope[], expiresOn: defaultExpiresOn, footprintAccess: "all" as const, certificateIds: [] as string[] };
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: createApiClientSchema,
    defaultValues: empty,
    action: createApiClientAction,
    resetOnSuccess: true,
    onSuccess: (data) => setCreated(data),
  });
  const scopes = form.watch("scopes");
  const mayLimitFootprints = (Array.isArray(scopes) ? scopes : []).includes("footprints:read");
  const limited = form.watch("footprintAccess") === "selected";

  if (created) {
    return <OneTimeSecret title={t("secretTitle")} clientId={created.clientId} clientSecret={created.clientSecret} onDismiss={() => setCreated(null)} />;
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      <Field label={t("name")} hint={t("nameHint")} error={errors.name?.message}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <fieldset className="space-y-2" aria-describedby="api-client-scopes-hint">
        <legend className="text-sm font-medium text-slate-800">{t("scopes")}</legend>
        <p id="api-client-scopes-hint" className="text-xs text-slate-600">
          {t("scopesHint")}
        </p>
        {grantableScopes.map((scope) => (
          <label key={scope} className="flex items-start gap-2 text-sm">
            <input type="checkbox" value={scope} className="mt-1 h-4 w-4 shrink-0" {...form.register("scopes")} />
            <span>
              <span className="font-medium text-slate-900">{t(`scopeNames.${scopeKey(scope)}`)}</span>
              <code className="ml-2 text-xs text-slate-600">{scope}</code>
              <span className="block text-xs text-slate-600">{t(`scopeDescriptions.${scopeKey(scope)}`)}</span>
            </span>
          </label>
        ))}
        {errors.scopes?.message ? (
          <p role="alert" className="text-sm text-red-700">
            {translate(errors.scopes.message)}
          </p>
        ) : null}
      </fieldset>
      <Field label={t("expiresOn")} hint={t("expiresOnHint", { maximum: maximumDays })} error={errors.expiresOn?.message}>
        <Input type="date" className="sm:w-56" {...form.register("expiresOn")} />
      </Field>
      {mayLimitFootprints ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("footprintAccess")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="all" className="h-4 w-4 shrink-0" {...form.register("footprintAccess")} />
            {t("allFootprints")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="selected" className="h-4 w-4 shrink-0" disabled={footprintChoices.length === 0} {...form.register("footprintAccess")} />
            {t("selectedFootprints")}
          </label>
          {footprintChoices.length === 0 ? <p className="text-xs text-slate-600">{t("noFootprints")}</p> : null}
          {limited ? (
            <div className="ml-6 max-h-56 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
              {footprintChoices.map((choice) => (
                <label key={choice.id} className="flex flex-wrap items-center gap-2 text-sm">
                  <input type="checkbox" value={choice.id} className="h-4 w-4 shrink-0" {...form.register("certificateIds")} />
                  <span className="font-mono text-xs">{choice.number}</span>
                  <span>{choice.productName}</span>
                  <span className="text-xs text-slate-600">{common(`certificateStatus.${choice.status}`)}</span>
                </label>
              ))}
            </div>
          ) : null}
          {errors.certificateIds?.message ? (
            <p role="alert" className="text-sm text-red-700">
              {translate(errors.certificateIds.message)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {t("create")}
      </Button>
    </form>
  );
}
