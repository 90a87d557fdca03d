import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions, FilterField } from "@/components/forms/filter-form";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/auth/permissions";
import { factorHistory, searchFactors } from "@/lib/dal/factors";
import { factorSearchSchema, type FactorFields } from "@/lib/validation/schemas/regulator";
import { FactorForm } from "./factor-form";
import { FactorImportForm } from "./import-form";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FactorsPage({ searchParams }: PageProps) {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator/factors");
  const raw = await searchParams;
  const search = factorSearchSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined])),
  );
  const [{ factors, truncated, categories }, history] = await Promise.all([
    searchFactors(user, search),
    search.key ? factorHistory(user, search.key) : Promise.resolve(null),
  ]);
  const t = await getTranslations("factors");
  const locale = await getLocale();
  const format = await getFormatter();
  const zh = locale.startsWith("zh");
  const latest = history?.[0]?.factor;
  const base: FactorFields | null = latest
    ? {
        factorKey: latest.factorKey,
        nameZh: latest.nameZh,
        nameEn: latest.nameEn,
        category: latest.category,
        value: latest.value,
        unit: latest.unit,
        region: latest.region,
        year: latest.year,
        source: latest.source,
        gwpBasis: latest.gwpBasis === "AR5" ? "AR5" : "AR6",
        emissionCategory: latest.emissionCategory,
      }
    : null;

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-6">
        {history ? (
          <Card>
            <CardHeader
              title={t("historyOf", { key: search.key ?? "" })}
              actions={
                <Link className={buttonVariants({ variant: "ghost", size: "sm" })} href="/regulator/factors">
                  {t("closeHistory")}
                </Link>
              }
            />
            {history.length === 0 ? (
              <CardBody>
                <EmptyState title={t("unknownKey")} />
              </CardBody>
            ) : (
              <>
                <Table>
                  <caption className="sr-only">{t("historyOf", { key: search.key ?? "" })}</caption>
                  <thead>
                    <tr>
                      <Th>{t("version")}</Th>
                      <Th className="text-right">{t("value")}</Th>
                      <Th>{t("year")}</Th>
                      <Th>{t("source")}</Th>
                      <Th>{t("created")}</Th>
                      <Th>{t("supersededAt")}</Th>
                      <Th className="text-right">{t("usedBy")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.map(({ factor, usedBy }) => (
                      <tr key={factor.id}>
                        <Td>v{factor.version}</Td>
                        <Td className="text-right tabular-nums whitespace-nowrap">
                          {factor.value} kg CO2e / {factor.unit}
                        </Td>
                        <Td>{factor.year}</Td>
                        <Td>{factor.source}</Td>
                        <Td className="whitespace-nowrap">{format.dateTime(factor.createdAt, { dateStyle: "medium" })}</Td>
                        <Td className="whitespace-nowrap">
                          {factor.supersededAt ? format.dateTime(factor.supersededAt, { dateStyle: "medium" }) : t("current")}
                        </Td>
                        <Td className="text-right tabular-nums">{usedBy}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
                <CardBody className="border-t border-slate-200">
                  <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("newVersion")}</h3>
                  <p className="mb-4 text-sm text-slate-600">{t("newVersionHint")}</p>
                  <FactorForm key={search.key} base={base} />
                </CardBody>
              </>
            )}
          </Card>
        ) : null}

        <Card>
          <CardBody>
            <form method="get" action="/regulator/factors" aria-label={t("search")} className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-5">
              <FilterField id="factor-q" label={t("searchText")} className="lg:col-span-2">
              <Input id="factor-q" name="q" type="search" defaultValue={search.q ?? ""} />
              </FilterField>
              <FilterField id="factor-category" label={t("category")}>
              <Select id="factor-category" name="category" defaultValue={search.category ?? ""}>
                <option value="">{t("allCategories")}</option>
                {categories.map((category) => (
                  <option key={category} value={category}>
                    {category}
                  </option>
                ))}
              </Select>
              </FilterField>
              <FilterField id="factor-region" label={t("region")}>
              <Input id="factor-region" name="region" defaultValue={search.region ?? ""} />
              </FilterField>
              <FilterField id="factor-year" label={t("year")}>
              <Input id="factor-year" name="year" type="number" defaultValue={search.year ?? ""} />
              </FilterField>
              <FilterActions applyLabel={t("search")} resetLabel={t("reset")} resetHref="/regulator/factors" />
            </form>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title={t("results")} description={truncated ? t("truncated") : undefined} />
          {factors.length === 0 ? (
            <CardBody>
              <EmptyState title={t("noResults")} />
            </CardBody>
          ) : (
            <Table>
              <caption className="sr-only">{t("results")}</caption>
              <thead>
                <tr>
                  <Th>{t("name")}</Th>
                  <Th>{t("key")}</Th>
                  <Th className="text-right">{t("value")}</Th>
                  <Th>{t("region")}</Th>
                  <Th>{t("year")}</Th>
                  <Th>{t("gwpBasis")}</Th>
                  <Th>{t("version")}</Th>
                  <Th>{t("source")}</Th>
                </tr>
              </thead>
              <tbody>
                {factors.map((factor) => (
                  <tr key={factor.id}>
                    <Td>{zh ? factor.nameZh : factor.nameEn}</Td>
                    <Td className="font-mono text-xs">
                      <Link className="text-brand-700 hover:underline" href={`/regulator/factors?key=${encodeURIComponent(factor.factorKey)}`}>
                        {factor.factorKey}
                      </Link>
                    </Td>
                    <Td className="text-right tabular-nums whitespace-nowrap">
                      {factor.value} / {factor.unit}
                    </Td>
                    <Td>{factor.region}</Td>
                    <Td>{factor.year}</Td>
                    <Td>{factor.gwpBasis}</Td>
                    <Td>v{factor.version}</Td>
                    <Td className="max-w-xs break-words text-xs">{factor.source}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title={t("newFactor")} description={t("newFactorHint")} />
            <CardBody>
              <FactorForm base={null} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("importTitle")} />
            <CardBody>
              <FactorImportForm />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
