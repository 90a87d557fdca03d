import type { z } from "zod";
import { CERTIFICATE_STATUSES, REGISTRY_SORTS } from "@/lib/enums";
import { footprintText } from "@/components/certificates/footprint";
import { LabelPageLink } from "@/components/certificates/label-page-link";
import { PaginationLinks, pageLinks } from "@/components/forms/pagination";
import { PageHeader } from "@/components/page-header";
import { CertificateStatusBadgeText } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import type { LinkComponent } from "@/components/ui/link-component";
import { Table, Td, Th } from "@/components/ui/table";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import type { RegistryPage } from "@/lib/dal/public-certificates";
import type { registryQuerySchema } from "@/lib/validation/schemas/certificates";

const GRADES = Array.from({ length: DEFAULT_GRADE_THRESHOLDS.length + 1 }, (_, index) => index + 1);

/** A translator bound to one namespace, by the caller. */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The public registry: the search form, the results and their pages. Plain components, no hooks:
 * the App Router page (app/(site)/registry/page.tsx) renders it for a signed-in visitor, with the
 * router's Link, and a route handler renders it as HTML without scripts for everyone else
 * (app/(site)/registry/static/route.tsx), with plain anchors. Each translates for it:
 * `t` the `registry` namespace, `common` the `common` one, `pagination` `common.pagination`.
 */
export function RegistryView({
  query,
  result,
  locale,
  t,
  common,
  pagination,
  formatDate,
  Link,
}: {
  query: z.infer<typeof registryQuerySchema>;
  result: RegistryPage;
  locale: string;
  t: Translate;
  common: Translate;
  pagination: Translate;
  /** A YYYY-MM-DD date in the page's language, medium length. */
  formatDate: (value: string) => string;
  Link: LinkComponent;
}) {
  const en = locale === "en";
  const filters = {
    q: query.q,
    category: query.category,
    grade: query.grade ? String(query.grade) : undefined,
    maxGrade: query.maxGrade ? String(query.maxGrade) : undefined,
    status: query.status,
    body: query.body,
    sort: query.sort === "newest" ? undefined : query.sort,
  };
  const exportParams = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const exportHref = `/registry/export${exportParams.size > 0 ? `?${exportParams}` : ""}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" action="/registry" role="search" className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <div className="space-y-1">
          <label htmlFor="registry-q" className="block text-sm font-medium text-slate-800">
            {t("q")}
          </label>
          <Input id="registry-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("qPlaceholder")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="registry-category" className="block text-sm font-medium text-slate-800">
            {t("category")}
          </label>
          <Select id="registry-category" name="category" defaultValue={query.category ?? ""}>
            <option value="">{t("any")}</option>
            {result.categories.map((category) => (
              <option key={category.id} value={category.id}>
                {en ? category.nameEn : category.nameZh}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="registry-grade" className="block text-sm font-medium text-slate-800">
            {t("grade")}
          </label>
          <Select id="registry-grade" name="grade" defaultValue={query.grade ? String(query.grade) : ""}>
            <option value="">{t("any")}</option>
            {GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {t("gradeOption", { grade })}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="registry-status" className="block text-sm font-medium text-slate-800">
            {t("status")}
          </label>
          <Select id="registry-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("any")}</option>
            {CERTIFICATE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {common(`certificateStatus.${status}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="registry-max-grade" className="block text-sm font-medium text-slate-800">
            {t("maxGrade")}
          </label>
          <Select id="registry-max-grade" name="maxGrade" defaultValue={query.maxGrade ? String(query.maxGrade) : ""} aria-describedby="registry-max-grade-hint">
            <option value="">{t("any")}</option>
            {GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {t("maxGradeOption", { grade })}
              </option>
            ))}
          </Select>
          <p id="registry-max-grade-hint" className="text-xs text-slate-600">
            {t("maxGradeHint")}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor="registry-body" className="block text-sm font-medium text-slate-800">
            {t("body")}
          </label>
          <Select id="registry-body" name="body" defaultValue={query.body ?? ""}>
            <option value="">{t("any")}</option>
            {result.bodies.map((body) => (
              <option key={body.id} value={body.id}>
                {(en && body.nameEn) || body.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="registry-sort" className="block text-sm font-medium text-slate-800">
            {t("sort")}
          </label>
          <Select id="registry-sort" name="sort" defaultValue={query.sort}>
            {REGISTRY_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sorts.${sort}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit">{t("search")}</Button>
          <Link href="/registry" className="inline-flex h-10 items-center px-2 text-sm text-brand-700 hover:underline">
            {t("reset")}
          </Link>
        </div>
      </form>

      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 sm:px-6">
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("results", { total: result.total })}
          </p>
          <a href={exportHref} download className="text-sm font-medium text-brand-700 underline">
            {t("exportCsv")}
          </a>
        </div>
        {result.rows.length === 0 ? (
          <div className="p-4">
            <EmptyState title={t("noResults")} description={t("noResultsHint")} />
          </div>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("number")}</Th>
                <Th>{t("product")}</Th>
                <Th>{t("enterprise")}</Th>
                <Th>{t("footprint")}</Th>
                <Th>{t("gradeColumn")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("issuedOn")}</Th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.number}>
                  <Td>
                    <LabelPageLink className="font-mono font-medium text-brand-700 hover:underline" number={row.number} />
                  </Td>
                  <Td>
                    <span className="font-medium">{en ? row.productNameEn : row.productNameZh}</span>
                    <span className="block text-xs text-slate-600">{en ? row.categoryNameEn : row.categoryNameZh}</span>
                  </Td>
                  <Td>{(en && row.enterpriseNameEn) || row.enterpriseName}</Td>
                  <Td className="tabular-nums">{footprintText(row.value, row.declaredUnitAmount, row.declaredUnit)}</Td>
                  <Td>{row.grade === null ? t("noGrade") : t("gradeOption", { grade: row.grade })}</Td>
                  <Td>
                    <CertificateStatusBadgeText status={row.status} text={common(`certificateStatus.${row.status}`)} />
                  </Td>
                  <Td>{formatDate(row.issuedOn)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <div className="px-4 py-3 sm:px-6">
          <PaginationLinks
            label={t("pagination")}
            {...pageLinks("/registry", filters, query.page, result.pages)}
            texts={{ previous: pagination("previous"), next: pagination("next"), position: pagination("position", { page: query.page, pageCount: result.pages, total: result.total }) }}
            Link={Link}
          />
        </div>
      </Card>
    </>
  );
}
