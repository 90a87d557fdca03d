"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createScenarioAction } from "@/lib/actions/scenarios/create-scenario";
import { createScenarioSchema } from "@/lib/validation/schemas/scenarios";

/** Names a new what-if scenario of the application. */
export function CreateScenarioForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("scenarios.create");
  const translate = useMessage();
  const router = useRouter();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: createScenarioSchema,
    defaultValues: { applicationId, name: "" },
    action: createScenarioAction,
    resetOnSuccess: true,
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("title")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Alert tone="success">{t("created")}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("name")} error={errors.name?.message} className="min-w-0 flex-1 basis-64">
          <Input placeholder={t("namePlaceholder")} maxLength={80} {...form.register("name")} />
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
