"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { UnitSelect } from "@/components/forms/unit-select";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { saveScenarioChangeAction } from "@/lib/actions/scenarios/save-scenario-change";
import { SCENARIO_CHANGE_KINDS } from "@/lib/enums";
import { scenarioChangeSchema } from "@/lib/validation/schemas/scenarios";

type ChangeFormLine = { id: string; label: string; dimension: string | null; directGas: boolean };
type ChangeFormFactor = { id: string; nameZh: string; nameEn: string; value: string; unit: string; dimension: string | null };

/**
 * Adds one what-if change to one line. The factor list offers only factors whose unit the
 * chosen line's quantity converts to (the server checks again by calculating the scenario).
 */
export function ScenarioChangeForm({ scenarioId, lines, factors }: { scenarioId: string; lines: ChangeFormLine[]; factors: ChangeFormFactor[] }) {
  const t = useTranslations("scenarios");
  const translate = useMessage();
  const router = useRouter();
  const en = useLocale() === "en";
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: scenarioChangeSchema,
    defaultValues: { scenarioId, lineId: "", kind: "replace_factor", factorId: "", percent: "", allocationShare: "", supplierFactorValue: "", supplierFactorUnit: "kg", supplierName: "" },
    action: saveScenarioChangeAction,
    onSuccess: () => router.refresh(),
  });
  const kind = form.watch("kind");
  const line = lines.find((candidate) => candidate.id === form.watch("lineId"));
  const usable = line ? factors.filter((factor) => factor.dimension !== null && factor.dimension === line.dimension) : [];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-200 p-3" aria-label={t("change.title")}>
      <h4 className="text-sm font-semibold text-slate-900">{t("change.title")}</h4>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Alert tone="success">{t("change.saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("change.line")} error={errors.lineId?.message}>
          <Select {...form.register("lineId")}>
            <option value="">{t("change.pickLine")}</option>
            {lines.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("change.kind")} error={errors.kind?.message}>
          <Select {...form.register("kind")}>
            {SCENARIO_CHANGE_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "replace_factor" ? (
          <Field label={t("change.factor")} error={errors.factorId?.message} className="sm:col-span-2">
            <Select {...form.register("factorId")}>
              <option value="">{t("change.pickFactor")}</option>
              {usable.map((factor) => (
                <option key={factor.id} value={factor.id}>
                  {`${en ? factor.nameEn : factor.nameZh} · ${factor.value} kg CO₂e/${factor.unit}`}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {kind === "supplier_footprint" ? (
          <>
            <Field label={t("change.supplierFactorValue")} hint={t("change.supplierFactorHint")} error={errors.supplierFactorValue?.message}>
              <Input inputMode="decimal" {...form.register("supplierFactorValue")} />
            </Field>
            <Field label={t("change.supplierFactorUnit")} error={errors.supplierFactorUnit?.message}>
              <UnitSelect {...form.register("supplierFactorUnit")} />
            </Field>
            <Field label={t("change.supplierName")} error={errors.supplierName?.message} className="sm:col-span-2">
              <Input maxLength={200} {...form.register("supplierName")} />
            </Field>
          </>
        ) : null}
        {kind === "scale_quantity" ? (
          <Field label={t("change.percent")} hint={t("change.percentHint")} error={errors.percent?.message}>
            <Input inputMode="decimal" {...form.register("percent")} />
          </Field>
        ) : null}
        {kind === "set_allocation" ? (
          <Field label={t("change.allocationShare")} error={errors.allocationShare?.message}>
            <Input inputMode="decimal" {...form.register("allocationShare")} />
          </Field>
        ) : null}
      </div>
      <Button type="submit" size="sm" disabled={isSubmitting}>
        {t("change.submit")}
      </Button>
    </form>
  );
}
