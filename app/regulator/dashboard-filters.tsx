import { getTranslations } from "next-intl/server";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import type { DashboardFilters } from "@/lib/validation/schemas/regulator";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and exported. */
export async function DashboardFiltersForm({
  filters,
  categories,
  districts,
}: {
  filters: DashboardFilters;
  categories: ReadonlyArray<{ id: string; name: string }>;
  districts: ReadonlyArray<{ code: string; name: string }>;
}) {
  const t = await getTranslations("regulator");
  const label = "block text-sm font-medium text-slate-800";
  return (
    <Card>
      <CardBody>
        <form method="get" action="/regulator" className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label={t("filters")}>
          <div className="space-y-1">
            <label htmlFor="filter-category" className={label}>
              {t("category")}
            </label>
            <Select id="filter-category" name="category" defaultValue={filters.category ?? ""}>
              <option value="">{t("allCategories")}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-district" className={label}>
              {t("district")}
            </label>
            <Select id="filter-district" name="district" defaultValue={filters.district ?? ""}>
              <option value="">{t("allDistricts")}</option>
              {districts.map((district) => (
                <option key={district.code} value={district.code}>
                  {district.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-from" className={label}>
              {t("periodFrom")}
            </label>
            <Input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-to" className={label}>
              {t("periodTo")}
            </label>
            <Input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
          <div className="flex gap-2">
            <Button type="submit">{t("applyFilters")}</Button>
            <a href="/regulator" className={buttonVariants({ variant: "ghost" })}>
              {t("resetFilters")}
            </a>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
