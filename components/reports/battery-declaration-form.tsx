"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { saveBatteryDeclarationAction } from "@/lib/actions/battery-declarations/save-battery-declaration";
import { BATTERY_CATEGORIES, SERVICE_LIFE_BASES } from "@/lib/enums";
import { batteryDeclarationSchema, type BatteryDeclarationFormInput } from "@/lib/validation/schemas/battery-declaration";

/** What the EU declaration needs beyond the footprint: battery model, plant, category, rated energy, service life, conformity, study link. */
export function BatteryDeclarationForm({ values }: { values: BatteryDeclarationFormInput }) {
  const t = useTranslations("batteryDeclaration.form");
  const translate = useMessage();
  const router = useRouter();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: batteryDeclarationSchema,
    defaultValues: values,
    action: saveBatteryDeclarationAction,
    onSuccess: () => router.refresh(),
  });
  const basis = form.watch("serviceLifeBasis");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("save")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("saved")}</Toast> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("batteryModel")} error={errors.batteryModel?.message}>
          <Input {...form.register("batteryModel")} />
        </Field>
        <Field label={t("batteryCategory")} error={errors.batteryCategory?.message}>
          <Select {...form.register("batteryCategory")}>
            {BATTERY_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`categories.${category}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("ratedEnergy")} error={errors.ratedEnergy?.message}>
          <Input inputMode="decimal" {...form.register("ratedEnergy")} />
        </Field>
        <Field label={t("declarationOfConformityId")} error={errors.declarationOfConformityId?.message}>
          <Input {...form.register("declarationOfConformityId")} />
        </Field>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("plant")}</legend>
        <Field label={t("plantName")} error={errors.plantName?.message}>
          <Input {...form.register("plantName")} />
        </Field>
        <Field label={t("plantAddress")} error={errors.plantAddress?.message}>
          <Input {...form.register("plantAddress")} />
        </Field>
        <Field label={t("plantLatitude")} hint={t("coordinatesHint")} error={errors.plantLatitude?.message}>
          <Input inputMode="decimal" {...form.register("plantLatitude")} />
        </Field>
        <Field label={t("plantLongitude")} error={errors.plantLongitude?.message}>
          <Input inputMode="decimal" {...form.register("plantLongitude")} />
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("serviceLife")}</legend>
        <Field label={t("serviceLifeBasis")} error={errors.serviceLifeBasis?.message}>
          <Select {...form.register("serviceLifeBasis")}>
            {SERVICE_LIFE_BASES.map((option) => (
              <option key={option} value={option}>
                {t(`bases.${option}`)}
              </option>
            ))}
          </Select>
        </Field>
        {basis === "cycles" ? (
          <Field label={t("serviceLifeCycles")} error={errors.serviceLifeCycles?.message}>
            <Input inputMode="numeric" {...form.register("serviceLifeCycles")} />
          </Field>
        ) : (
          <>
            <Field label={t("serviceLifeYears")} error={errors.serviceLifeYears?.message}>
              <Input inputMode="decimal" {...form.register("serviceLifeYears")} />
            </Field>
            <Field label={t("annualEnergyThroughput")} error={errors.annualEnergyThroughput?.message}>
              <Input inputMode="decimal" {...form.register("annualEnergyThroughput")} />
            </Field>
          </>
        )}
      </fieldset>
      <Field label={t("studyUrl")} hint={t("studyUrlHint")} error={errors.studyUrl?.message}>
        <Input type="url" inputMode="url" {...form.register("studyUrl")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("save")}
      </Button>
    </form>
  );
}
