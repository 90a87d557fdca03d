"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/use-message";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { UnitSelect } from "@/components/forms/unit-select";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { Product } from "@/db/schema";
import { createProductAction } from "@/lib/actions/products/create-product";
import { updateProductAction } from "@/lib/actions/products/update-product";
import type { CategoryOption } from "@/lib/dal/product-categories";
import { EXPORT_MARKETS, productSchema, type ProductInput } from "@/lib/validation/schemas/products";

const EMPTY: ProductInput = {
  nameZh: "",
  nameEn: "",
  model: "",
  categoryId: "",
  hsCode: "",
  declaredUnitAmount: "1",
  declaredUnit: "piece",
  systemBoundary: "cradle_to_gate",
  periodStart: "",
  periodEnd: "",
  productionVolume: "",
  site: "",
  exportMarkets: [],
  massPerDeclaredUnit: "",
  fossilCarbonContent: "",
  biogenicCarbonContent: "",
};

function productDefaults(product: Product): ProductInput {
  return {
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    model: product.model,
    categoryId: product.categoryId,
    hsCode: product.hsCode,
    declaredUnitAmount: product.declaredUnitAmount,
    declaredUnit: product.declaredUnit,
    systemBoundary: product.systemBoundary,
    periodStart: product.periodStart,
    periodEnd: product.periodEnd,
    productionVolume: product.productionVolume,
    site: product.site,
    exportMarkets: product.exportMarkets as ProductInput["exportMarkets"],
    massPerDeclaredUnit: product.massPerDeclaredUnit ?? "",
    fossilCarbonContent: product.fossilCarbonContent ?? "",
    biogenicCarbonContent: product.biogenicCarbonContent ?? "",
  };
}

/** Product registration, and editing while no application of the product is with a body. */
export function ProductForm({ product, categories }: { product?: Product; categories: readonly CategoryOption[] }) {
  const t = useTranslations("enterprise");
  const pact = useTranslations("pact.product");
  const common = useTranslations("common");
  const translate = useMessage();
  const locale = useLocale();
  const router = useRouter();
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: productSchema,
    defaultValues: product ? productDefaults(product) : EMPTY,
    // The server checks the edit with its own schema (the same fields plus the id).
    action: (values) => (product ? updateProductAction({ ...values, productId: product.id }) : createProductAction(values)),
    onSuccess: (data) => {
      if (!product) router.push(`/enterprise/products/${data.productId}`);
      router.refresh();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {product && succeeded ? <Toast>{t("productSaved")}</Toast> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("nameZh")} error={errors.nameZh?.message}>
          <Input {...form.register("nameZh")} />
        </Field>
        <Field label={t("nameEn")} error={errors.nameEn?.message}>
          <Input {...form.register("nameEn")} />
        </Field>
        <Field label={t("model")} error={errors.model?.message}>
          <Input {...form.register("model")} />
        </Field>
        <Field label={t("category")} error={errors.categoryId?.message}>
          <Select {...form.register("categoryId")}>
            <option value="">{common("choose")}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {locale === "en" ? category.nameEn : category.nameZh}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("hsCode")} hint={t("hsCodeHint")} error={errors.hsCode?.message}>
          <Input inputMode="numeric" {...form.register("hsCode")} />
        </Field>
        <Field label={t("site")} error={errors.site?.message}>
          <Input {...form.register("site")} />
        </Field>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("declaredUnit")}</legend>
        <Field label={t("declaredUnitAmount")} error={errors.declaredUnitAmount?.message}>
          <Input inputMode="decimal" {...form.register("declaredUnitAmount")} />
        </Field>
        <Field label={t("declaredUnitUnit")} error={errors.declaredUnit?.message}>
          <UnitSelect {...form.register("declaredUnit")} />
        </Field>
        <Field label={t("boundary")} error={errors.systemBoundary?.message}>
          <Select {...form.register("systemBoundary")}>
            <option value="cradle_to_gate">{common("boundary.cradle_to_gate")}</option>
            <option value="cradle_to_grave">{common("boundary.cradle_to_grave")}</option>
          </Select>
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("referencePeriod")}</legend>
        <Field label={t("periodStart")} error={errors.periodStart?.message}>
          <Input type="date" {...form.register("periodStart")} />
        </Field>
        <Field label={t("periodEnd")} error={errors.periodEnd?.message}>
          <Input type="date" {...form.register("periodEnd")} />
        </Field>
        <Field label={t("productionVolume")} hint={t("productionVolumeHint")} error={errors.productionVolume?.message}>
          <Input inputMode="decimal" {...form.register("productionVolume")} />
        </Field>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-900">{t("exportMarkets")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {EXPORT_MARKETS.map((market) => (
            <label key={market} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" value={market} className="h-4 w-4 rounded border-slate-300" {...form.register("exportMarkets")} />
              {t(`markets.${market}`)}
            </label>
          ))}
        </div>
        {errors.exportMarkets ? <p className="mt-1 text-sm text-red-700">{translate(errors.exportMarkets.message ?? "validation.invalid")}</p> : null}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3" aria-describedby="product-pact-hint">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{pact("heading")}</legend>
        <p id="product-pact-hint" className="text-xs text-slate-600 sm:col-span-3">
          {pact("hint")}
        </p>
        <Field label={pact("massPerDeclaredUnit")} hint={pact("massHint")} error={errors.massPerDeclaredUnit?.message}>
          <Input inputMode="decimal" {...form.register("massPerDeclaredUnit")} />
        </Field>
        <Field label={pact("fossilCarbonContent")} hint={pact("fossilHint")} error={errors.fossilCarbonContent?.message}>
          <Input inputMode="decimal" {...form.register("fossilCarbonContent")} />
        </Field>
        <Field label={pact("biogenicCarbonContent")} hint={pact("biogenicHint")} error={errors.biogenicCarbonContent?.message}>
          <Input inputMode="decimal" {...form.register("biogenicCarbonContent")} />
        </Field>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {product ? t("saveProduct") : t("registerProduct")}
      </Button>
    </form>
  );
}
