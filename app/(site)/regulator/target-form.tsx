"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useMessage } from "@/components/use-message";
import { createPilotTargetAction } from "@/lib/actions/regulator/create-pilot-target";
import { pilotTargetSchema, TARGET_METRICS } from "@/lib/validation/schemas/regulator";

const EMPTY = { title: "", categoryId: "", metric: "products_with_footprint", targetCount: 50, deadline: "" } as const;

export function TargetForm({ categories }: { categories: ReadonlyArray<{ id: string; name: string }> }) {
  const t = useTranslations("regulator");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: pilotTargetSchema,
    defaultValues: EMPTY,
    action: createPilotTargetAction,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("newTarget")}>
      <h3 className="text-sm font-semibold text-slate-900">{t("newTarget")}</h3>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("targetCreated")}</Toast> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Field label={t("targetTitle")} error={errors.title?.message} className="lg:col-span-2">
          <Input {...form.register("title")} />
        </Field>
        <Field label={t("category")} error={errors.categoryId?.message}>
          <Select {...form.register("categoryId")}>
            <option value="">{t("allCategories")}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("metric")} error={errors.metric?.message}>
          <Select {...form.register("metric")}>
            {TARGET_METRICS.map((metric) => (
              <option key={metric} value={metric}>
                {t(`metrics.${metric}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("targetCount")} error={errors.targetCount?.message}>
          <Input type="number" min={1} inputMode="numeric" {...form.register("targetCount")} />
        </Field>
        <Field label={t("deadline")} error={errors.deadline?.message}>
          <Input type="date" {...form.register("deadline")} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {t("createTarget")}
      </Button>
    </form>
  );
}
