"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { DISTRICTS, PROVINCES, regionName } from "@/lib/regions";

type Props<Values extends FieldValues & { region?: string; district?: string }> = {
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
  region: string | undefined;
};

/** Region and its districts (GB/T 2260), the district list following the region. */
export function RegionFields<Values extends FieldValues & { region?: string; district?: string }>({
  register,
  errors,
  region,
}: Props<Values>) {
  const t = useTranslations("common");
  const locale = useLocale();
  const districts = region ? (DISTRICTS[region] ?? []) : [];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t("region")} error={errors.region?.message as string | undefined}>
        <Select {...register("region" as Path<Values>)}>
          {PROVINCES.map((province) => (
            <option key={province.code} value={province.code}>
              {regionName(province.code, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("district")} error={errors.district?.message as string | undefined}>
        <Select {...register("district" as Path<Values>)} disabled={districts.length === 0}>
          <option value="">{districts.length ? t("choose") : t("noDistricts")}</option>
          {districts.map((district) => (
            <option key={district.code} value={district.code}>
              {locale === "en" ? district.nameEn : district.nameZh}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
