"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { recordInspectionAction } from "@/lib/actions/verification/record-inspection";
import { inspectionSchema } from "@/lib/validation/schemas/verification";

export function InspectionForm({ applicationId, defaultSite }: { applicationId: string; defaultSite: string }) {
  const t = useTranslations("verifier");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: inspectionSchema,
    defaultValues: { applicationId, inspectedOn: "", site: defaultSite, participants: "", scope: "", result: "" },
    action: recordInspectionAction,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("inspectionRecorded")}</Toast> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("inspectedOn")} error={errors.inspectedOn?.message}>
          <Input type="date" {...form.register("inspectedOn")} />
        </Field>
        <Field label={t("site")} error={errors.site?.message}>
          <Input {...form.register("site")} />
        </Field>
      </div>
      <Field label={t("participants")} error={errors.participants?.message}>
        <Input {...form.register("participants")} />
      </Field>
      <Field label={t("inspectionScope")} error={errors.scope?.message}>
        <Textarea {...form.register("scope")} />
      </Field>
      <Field label={t("inspectionResult")} error={errors.result?.message}>
        <Textarea {...form.register("result")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("recordInspection")}
      </Button>
    </form>
  );
}
