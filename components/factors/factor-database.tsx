import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions, FilterField, SearchField } from "@/components/forms/filter-form";
import { Pagination, pageLinks } from "@/components/forms/pagination";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { Alert } from "@/components/ui/alert";
import type { EmissionFactor } from "@/db/schema";
import { isRegionalFactorRegion } from "@/lib/policy";
import type { FactorFields, FactorSearch } from "@/lib/validation/schemas/regulator";
import { FactorForm, type FactorKeeping } from "./factor-form";
import { ImpactRuns } from "./impact-runs";
import type { FactorImpactRunView } from "@/lib/dal/factors";
import { DATE_FORMAT } from "@/lib/i18n/date-format";
import { hrefWithParams } from "@/lib/utils";

type Props = {
  /** The page this database is shown on (search and history links point back at it). */
  basePath: string;
  search: FactorSearch;
  /** One page of the current factors matching the search. */
  factors: EmissionFactor[];
  /** Which page that is, of how many, and how many factors match in all. */
  position: { page: number; pageCount: number; total: number };
  categories: string[];
  /** The versions of the key opened with `?key=`, newest first; null when none is open. */
  history: Array<{ factor: EmissionFactor; usedBy: number }> | null;
  keeping: FactorKeeping;
  /** Whether the viewer may write a new version of the open key (the policy's answer). */
  mayWriteOpenKey: boolean;
  /** The page with the form adding a factor. */
  newHref: string;
  /** The page importing a factor table, for whoever may import (regional factors, by their regulator). */
  importHref: string | null;
  /** The newest impact runs of the factors the viewer keeps. */
  impactRuns: FactorImpactRunView[];
};

function fieldsOf(latest: EmissionFactor): FactorFields {
  return {
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
  };
}

/** The factor database: search, a key's versions, and the forms of whoever keeps the factors shown. */
export async function FactorDatabase({ basePath, search, factors, position, categories, history, keeping, mayWriteOpenKey, newHref, importHref, impactRuns }: Props) {
  const t = await getTranslations("factors");
  const locale = await getLocale();
  const format = await getFormatter();
  const zh = locale.startsWith("zh");
  const latest = history?.[0]?.factor;
  const filters = { q: search.q, category: search.category, region: search.region, year: search.year };
  const pageHref = (page: number) => hrefWithParams(basePath, { ...filters, page: page > 1 ? page : undefined });

  return (
    <div className="space-y-6">
      {history ? (
        <Card>
          <CardHeader
            title={t("historyOf", { key: search.key ?? "" })}
            actions={
              <Link className={buttonVariants({ variant: "ghost", size: "sm" })} href={pageHref(position.page)}>
                {t("closeHistory")}
              </Link>
            }
          />
          {history.length === 0 || !latest ? (
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
                      <Td className="whitespace-nowrap">{format.dateTime(factor.createdAt, DATE_FORMAT)}</Td>
                      <Td className="whitespace-nowrap">
                        {factor.supersededAt ? format.dateTime(factor.supersededAt, DATE_FORMAT) : t("current")}
                      </Td>
                      <Td className="text-right tabular-nums">{usedBy}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <CardBody className="border-t border-slate-200">
                {mayWriteOpenKey ? (
                  <>
                    <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("newVersion")}</h3>
                    <p className="mb-4 text-sm text-slate-600">{t("newVersionHint")}</p>
                    <FactorForm key={search.key} base={fieldsOf(latest)} keeping={keeping} />
                  </>
                ) : (
                  <Alert tone="info">
                    {isRegionalFactorRegion(latest.region) ? t("keptByRegion", { region: latest.region }) : t("keptByOperator")}
                  </Alert>
                )}
              </CardBody>
            </>
          )}
        </Card>
      ) : null}

      <ImpactRuns runs={impactRuns} />

      <Card>
        <CardBody>
          <form method="get" action={basePath} aria-label={t("search")} className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <SearchField id="factor-q" label={t("searchText")} defaultValue={search.q} className="lg:col-span-2" />
            <FilterField id="factor-category" label={t("category")}>
              <Select id="factor-category" name="category" defaultValue={search.category ?? ""}>
                <option value="">{t("allCategories")}</option>
                {categories.map((category) => (
                  <option key={category} value={category}>
                    {t.has(`categories.${category}`) ? t(`categories.${category}`) : category}
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
            <FilterActions applyLabel={t("search")} resetLabel={t("reset")} resetHref={basePath} />
          </form>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title={t("results")}
          actions={
            <div className="flex flex-wrap gap-2">
              <Link className={buttonVariants({ size: "sm" })} href={newHref}>
                {t("newFactor")}
              </Link>
              {importHref ? (
                <Link className={buttonVariants({ variant: "secondary", size: "sm" })} href={importHref}>
                  {t("importLink")}
                </Link>
              ) : null}
            </div>
          }
        />
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
                    <Link className="text-brand-700 hover:underline" href={hrefWithParams(basePath, { ...filters, page: position.page > 1 ? position.page : undefined, key: factor.factorKey })}>
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
        <CardBody className="border-t border-slate-200">
          <Pagination
            label={t("pagination")}
            position={position}
            {...pageLinks(basePath, filters, position.page, position.pageCount)}
          />
        </CardBody>
      </Card>

    </div>
  );
}
