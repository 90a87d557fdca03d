import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { FilterActions, FilterField } from "@/components/forms/filter-form";
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
  return (
    <Card>
      <CardBody>
        <form method="get" action="/regulator" className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label={t("filters")}>
          <FilterField id="filter-category" label={t("category")}>
          <Select id="filter-category" name="category" defaultValue={filters.category ?? ""}>
            <option value="">{t("allCategories")}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </Select>
          </FilterField>
          <FilterField id="filter-district" label={t("district")}>
          <Select id="filter-district" name="district" defaultValue={filters.district ?? ""}>
            <option value="">{t("allDistricts")}</option>
            {districts.map((district) => (
              <option key={district.code} value={district.code}>
                {district.name}
              </option>
            ))}
          </Select>
          </FilterField>
          <FilterField id="filter-from" label={t("periodFrom")}>
          <Input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </FilterField>
          <FilterField id="filter-to" label={t("periodTo")}>
          <Input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </FilterField>
          <FilterActions applyLabel={t("applyFilters")} resetLabel={t("resetFilters")} resetHref="/regulator" />
        </form>
      </CardBody>
    </Card>
  );
}
