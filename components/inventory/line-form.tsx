"use client";

import { EMISSION_CATEGORIES, LINE_SOURCES, type LifeCycleStage } from "@/lib/enums";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { UnitSelect } from "@/components/forms/unit-select";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { InventoryLine } from "@/db/schema";
import { addInventoryLineAction } from "@/lib/actions/inventory/add-line";
import { updateInventoryLineAction } from "@/lib/actions/inventory/update-line";
import type { FactorOption } from "@/lib/dal/emission-factors";
import { inventoryLineSchema, unitConversionError, type InventoryLineInput } from "@/lib/validation/schemas/inventory";
import { FactorPicker, type FactorFilters } from "./factor-picker";

type GasOption = { gas: string; nameZh: string; nameEn: string; value: string };

type Props = {
  applicationId: string;
  stages: LifeCycleStage[];
  gases: GasOption[];
  filters: FactorFilters;
  /** The line being edited; absent for a new line. */
  line?: InventoryLine;
  lineFactor?: FactorOption | null;
  /** Where to go after saving an edit (the table page the user came from). */
  doneHref: string;
};

const RATINGS = [1, 2, 3, 4, 5];
const DQR_FIELDS = [
  { name: "dqrTechnological", label: "dqr.technological" },
  { name: "dqrGeographical", label: "dqr.geographical" },
  { name: "dqrTemporal", label: "dqr.temporal" },
] as const;

function defaultsFor(applicationId: string, stages: LifeCycleStage[], line?: InventoryLine): InventoryLineInput {
  return {
    applicationId,
    stage: line?.stage ?? stages[0],
    description: line?.description ?? "",
    quantity: line?.quantity ?? "",
    unit: line?.unit ?? "kWh",
    source: line?.source ?? "database_factor",
    factorId: line?.factorId ?? "",
    supplierFactorValue: line?.supplierFactorValue ?? "",
    supplierFactorUnit: line?.supplierFactorUnit ?? "kg",
    supplierName: line?.supplierName ?? "",
    gas: line?.gas ?? "",
    dataType: line?.dataType ?? "primary",
    dqrTechnological: line?.dqrTechnological ?? 2,
    dqrGeographical: line?.dqrGeographical ?? 2,
    dqrTemporal: line?.dqrTemporal ?? 2,
    allocationShare: line?.allocationShare ?? "1",
    emissionCategory: line?.emissionCategory ?? "fossil",
  };
}

/** Adds or edits one activity-data line: quantity, its source (factor, supplier factor or gas) and its data quality. */
export function LineForm({ applicationId, stages, gases, filters, line, lineFactor, doneHref }: Props) {
  const t = useTranslations("inventory");
  const common = useTranslations("common");
  const translate = useMessage();
  const en = useLocale() === "en";
  const router = useRouter();
  const [factor, setFactor] = useState<FactorOption | null>(lineFactor ?? null);
  // Remounting the picker after a line is added clears its search for the next line.
  const [pickerKey, setPickerKey] = useState(0);
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: inventoryLineSchema,
    defaultValues: defaultsFor(applicationId, stages, line),
    action: async (values) => {
      // The picked factor's unit is known here: say so at the unit before a round trip (the operation checks again).
      const mismatch = values.source === "database_factor" && factor ? unitConversionError(values.unit, factor.unit) : null;
      if (mismatch) return { ok: false, message: "errors.validation", fieldErrors: { unit: [mismatch] } };
      return line ? updateInventoryLineAction({ ...values, lineId: line.id }) : addInventoryLineAction(values);
    },
    resetOnSuccess: !line,
    onSuccess: () => {
      if (line) router.push(doneHref);
      else {
        setFactor(null);
        setPickerKey((key) => key + 1);
      }
      router.refresh();
    },
  });
  const source = form.watch("source");
  const rating = { valueAsNumber: true } as const;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={line ? t("editLine") : t("addLine")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded && !line ? <Toast>{t("lineAdded")}</Toast> : null}
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label={t("stage")} error={errors.stage?.message}>
          <Select {...form.register("stage")}>
            {stages.map((stage) => (
              <option key={stage} value={stage}>
                {common(`stages.${stage}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("description")} error={errors.description?.message} className="sm:col-span-3">
          <Input {...form.register("description")} />
        </Field>
        <Field label={t("quantity")} error={errors.quantity?.message}>
          <Input inputMode="decimal" {...form.register("quantity")} />
        </Field>
        <Field label={t("unit")} error={errors.unit?.message}>
          <UnitSelect {...form.register("unit")} />
        </Field>
        <Field label={t("allocationShare")} hint={t("allocationShareHint")} error={errors.allocationShare?.message}>
          <Input inputMode="decimal" {...form.register("allocationShare")} />
        </Field>
        <Field label={t("dataType")} error={errors.dataType?.message}>
          <Select {...form.register("dataType")}>
            <option value="primary">{t("dataTypes.primary")}</option>
            <option value="secondary">{t("dataTypes.secondary")}</option>
          </Select>
        </Field>
      </div>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("source")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {LINE_SOURCES.map((value) => (
            <label key={value} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" value={value} className="h-4 w-4 border-slate-300" {...form.register("source")} />
              {t(`sources.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {source === "database_factor" ? (
        <FactorPicker
          key={pickerKey}
          filters={filters}
          selected={factor}
          error={errors.factorId?.message}
          onSelect={(picked) => {
            setFactor(picked);
            form.setValue("factorId", picked.id, { shouldValidate: true });
            form.setValue("emissionCategory", picked.emissionCategory);
          }}
        />
      ) : null}
      {source === "supplier_factor" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t("supplierFactorValue")} hint={t("supplierFactorValueHint")} error={errors.supplierFactorValue?.message}>
            <Input inputMode="decimal" {...form.register("supplierFactorValue")} />
          </Field>
          <Field label={t("supplierFactorUnit")} error={errors.supplierFactorUnit?.message}>
            <UnitSelect {...form.register("supplierFactorUnit")} />
          </Field>
          <Field label={t("supplierName")} error={errors.supplierName?.message}>
            <Input {...form.register("supplierName")} />
          </Field>
        </div>
      ) : null}
      {source === "direct_gas" ? (
        <Field label={t("gas")} hint={t("gasHint")} error={errors.gas?.message}>
          <Select {...form.register("gas")}>
            <option value="">{common("choose")}</option>
            {gases.map((gas) => (
              <option key={gas.gas} value={gas.gas}>
                {(en ? gas.nameEn : gas.nameZh) + ` — GWP100 ${gas.value}`}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-4">
        {DQR_FIELDS.map(({ name, label }) => (
          <Field key={name} label={t(label)} error={errors[name]?.message}>
            <Select {...form.register(name, rating)}>
              {RATINGS.map((value) => (
                <option key={value} value={value}>
                  {t(`dqr.rating${value}`)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        {source === "direct_gas" ? null : (
          <Field label={t("emissionCategory")} error={errors.emissionCategory?.message}>
            <Select {...form.register("emissionCategory")}>
              {EMISSION_CATEGORIES.map((value) => (
                <option key={value} value={value}>
                  {t(`categories.${value}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {line ? common("save") : t("addLine")}
        </Button>
        {line ? (
          <Button variant="secondary" onClick={() => router.push(doneHref)}>
            {common("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
