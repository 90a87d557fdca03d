"use client";

import { useTranslations } from "next-intl";
import { useMessage } from "@/components/use-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { createSupplyRequestAction } from "@/lib/actions/supply-requests/create-supply-request";
import { UNIT_CODES } from "@/lib/calc/units";
import { createSupplyRequestSchema } from "@/lib/validation/schemas/supply";

type Counterparty = { value: string; name: string; kind: "organization" | "partner" };

/** Asks a supplier (on the platform, or a registered PACT partner) for a product's footprint. */
export function SupplyRequestForm({ counterparties, defaultDueOn }: { counterparties: Counterparty[]; defaultDueOn: string }) {
  const t = useTranslations("supply.form");
  const translate = useMessage();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: createSupplyRequestSchema,
    defaultValues: { supplier: "", productName: "", productModel: "", partNumber: "", declaredUnit: "kg", quantityContext: "", dueOn: defaultDueOn, message: "" },
    action: createSupplyRequestAction,
    resetOnSuccess: true,
  });
  const organizations = counterparties.filter((entry) => entry.kind === "organization");
  const partners = counterparties.filter((entry) => entry.kind === "partner");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Alert tone="success">{t("sent")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("supplier")} hint={t("supplierHint")} error={errors.supplier?.message}>
          <Select {...form.register("supplier")}>
            <option value="">{t("choose")}</option>
            {organizations.length ? (
              <optgroup label={t("onPlatform")}>
                {organizations.map((entry) => (
                  <option key={entry.value} value={entry.value}>
                    {entry.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {partners.length ? (
              <optgroup label={t("pactPartners")}>
                {partners.map((entry) => (
                  <option key={entry.value} value={entry.value}>
                    {entry.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </Field>
        <Field label={t("productName")} error={errors.productName?.message}>
          <Input {...form.register("productName")} />
        </Field>
        <Field label={t("productModel")} error={errors.productModel?.message}>
          <Input {...form.register("productModel")} />
        </Field>
        <Field label={t("partNumber")} error={errors.partNumber?.message}>
          <Input spellCheck={false} {...form.register("partNumber")} />
        </Field>
        <Field label={t("declaredUnit")} hint={t("declaredUnitHint")} error={errors.declaredUnit?.message}>
          <Select {...form.register("declaredUnit")}>
            {UNIT_CODES.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("quantityContext")} hint={t("quantityContextHint")} error={errors.quantityContext?.message}>
          <Input {...form.register("quantityContext")} />
        </Field>
        <Field label={t("dueOn")} error={errors.dueOn?.message}>
          <Input type="date" {...form.register("dueOn")} />
        </Field>
      </div>
      <Field label={t("message")} error={errors.message?.message}>
        <Textarea {...form.register("message")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("send")}
      </Button>
    </form>
  );
}
