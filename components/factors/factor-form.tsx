"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { UnitSelect } from "@/components/forms/unit-select";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useMessage } from "@/components/use-message";
import { addFactorVersionAction } from "@/lib/actions/regulator/factors";
import { EMISSION_CATEGORIES, factorFieldsSchema, GWP_BASES, type FactorFields } from "@/lib/validation/schemas/regulator";

type Saved = { factorKey: string; version: number; impactRunId: string | null };

/** Whose factors the person keeps: a regulator its own region's, the operator the national ones. */
export type FactorKeeping = { kind: "regional"; region: string } | { kind: "national" };

/**
 * New factor, or (with `base`) a new version of an existing key: the key and
 * its region are then fixed.
 */
export function FactorForm({ base, keeping }: { base: FactorFields | null; keeping: FactorKeeping }) {
  const t = useTranslations("factors");
  const translate = useMessage();
  const router = useRouter();
  const [saved, setSaved] = useState<Saved | null>(null);
  const { form, formError, onSubmit, errors, isSubmitting } = useActionForm({
    schema: factorFieldsSchema,
    defaultValues: base ?? {
      factorKey: "",
      nameZh: "",
      nameEn: "",
      category: "",
      value: "",
      unit: "kWh",
      region: keeping.kind === "regional" ? keeping.region : "CN",
      year: new Date().getFullYear(),
      source: "",
      gwpBasis: "AR6",
      emissionCategory: "fossil",
    },
    action: addFactorVersionAction,
    onSuccess: (data) => {
      setSaved(data);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={base ? t("newVersion") : t("newFactor")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {saved ? (
        <div className="space-y-3">
          <Alert tone="success">{t("saved", { key: saved.factorKey, version: saved.version })}</Alert>
          {saved.impactRunId ? <Alert tone="info">{t("impactRuns.queued")}</Alert> : null}
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label={t("key")} error={errors.factorKey?.message} hint={base ? t("keyFixed") : t("keyHint")}>
          <Input readOnly={Boolean(base)} {...form.register("factorKey")} />
        </Field>
        <Field label={t("nameZh")} error={errors.nameZh?.message}>
          <Input {...form.register("nameZh")} />
        </Field>
        <Field label={t("nameEn")} error={errors.nameEn?.message}>
          <Input {...form.register("nameEn")} />
        </Field>
        <Field label={t("category")} error={errors.category?.message}>
          <Input {...form.register("category")} />
        </Field>
        <Field label={t("value")} error={errors.value?.message}>
          <Input inputMode="decimal" {...form.register("value")} />
        </Field>
        <Field label={t("unit")} error={errors.unit?.message}>
          <UnitSelect {...form.register("unit")} />
        </Field>
        <Field
          label={t("region")}
          error={errors.region?.message}
          hint={keeping.kind === "regional" ? t("regionHintRegional", { region: keeping.region }) : t("regionHintNational")}
        >
          <Input readOnly={Boolean(base)} {...form.register("region")} />
        </Field>
        <Field label={t("year")} error={errors.year?.message}>
          <Input type="number" inputMode="numeric" {...form.register("year")} />
        </Field>
        <Field label={t("gwpBasis")} error={errors.gwpBasis?.message}>
          <Select {...form.register("gwpBasis")}>
            {GWP_BASES.map((basis) => (
              <option key={basis} value={basis}>
                {basis}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("emissionCategory")} error={errors.emissionCategory?.message}>
          <Select {...form.register("emissionCategory")}>
            {EMISSION_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`emissionCategories.${category}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("source")} error={errors.source?.message} className="sm:col-span-2">
          <Input {...form.register("source")} />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {base ? t("saveVersion") : t("saveFactor")}
      </Button>
    </form>
  );
}
