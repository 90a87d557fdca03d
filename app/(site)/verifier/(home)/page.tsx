import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { ApplicationStatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { verifierQueueFiltersSchema } from "@/lib/validation/schemas/verification";
import { organizationName } from "@/lib/i18n/names";
import { getBodyQueuePage, QUEUE_STATUSES } from "@/lib/dal/verifier-queue";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifier");
  return { title: t("queueTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

export default async function VerifierQueue({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser(AREA_ROLES.verifier, "/verifier");
  const params = await searchParams;
  const query = verifierQueueFiltersSchema.parse({ status: single(params.status), category: single(params.category), enterprise: single(params.enterprise) });
  const filters = { status: query.status, categoryId: query.category, enterpriseId: query.enterprise };
  const { rows, options } = await getBodyQueuePage(user, filters);
  const t = await getTranslations("verifier");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const en = locale === "en";
  const filtered = Boolean(filters.status || filters.categoryId || filters.enterpriseId);
  return (
    <>
      <PageHeader title={t("queueTitle")} description={organizationName(user, locale)} />
      <form method="get" role="search" aria-label={t("filters")} className="mb-4 grid gap-3 sm:grid-cols-4 sm:items-end">
        <Field label={t("stage")}>
          <Select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("allStages")}</option>
            {QUEUE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {common(`applicationStatus.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("category")}>
          <Select name="category" defaultValue={filters.categoryId ?? ""}>
            <option value="">{t("allCategories")}</option>
            {options.categories.map((category) => (
              <option key={category.id} value={category.id}>
                {en ? category.nameEn : category.nameZh}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("enterprise")}>
          <Select name="enterprise" defaultValue={filters.enterpriseId ?? ""}>
            <option value="">{t("allEnterprises")}</option>
            {options.enterprises.map((enterprise) => (
              <option key={enterprise.id} value={enterprise.id}>
                {en ? (enterprise.nameEn ?? enterprise.name) : enterprise.name}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex gap-2">
          <Button type="submit">{common("filter")}</Button>
          {filtered ? (
            <Link href="/verifier" className="inline-flex h-10 items-center px-3 text-sm text-brand-700 hover:underline">
              {common("reset")}
            </Link>
          ) : null}
        </div>
      </form>
      {rows.length === 0 ? (
        <EmptyState
          title={filtered ? t("queueNoMatch") : t("queueEmpty")}
          description={filtered ? t("queueNoMatchHint") : t("queueEmptyHint")}
        />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>{t("product")}</Th>
                <Th>{t("enterprise")}</Th>
                <Th>{t("category")}</Th>
                <Th>{t("stage")}</Th>
                <Th>{t("round")}</Th>
                <Th>{t("daysWaiting")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td>
                    <Link className="font-medium text-brand-700 hover:underline" href={`/verifier/applications/${row.id}`}>
                      {en ? row.productNameEn : row.productNameZh}
                    </Link>
                  </Td>
                  <Td>{en ? (row.enterpriseNameEn ?? row.enterpriseName) : row.enterpriseName}</Td>
                  <Td>{en ? row.categoryEn : row.categoryZh}</Td>
                  <Td>
                    <div className="flex flex-col items-start gap-1">
                      <ApplicationStatusBadge status={row.status} />
                      {row.status === "in_review" && row.reviewStage ? (
                        <span className="text-xs text-slate-600">{t(`reviewStages.${row.reviewStage}`)}</span>
                      ) : null}
                    </div>
                  </Td>
                  <Td>{row.round}</Td>
                  <Td>{row.daysWaiting}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
