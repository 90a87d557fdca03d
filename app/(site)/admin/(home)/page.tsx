import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions, SearchField } from "@/components/forms/filter-form";
import { Pagination, pageLinks } from "@/components/forms/pagination";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { getAdminDirectory } from "@/lib/dal/admin-directory";
import { regionName } from "@/lib/regions";
import { formatMobile } from "@/lib/validation/mobile";
import { userSearchSchema } from "@/lib/validation/schemas/organizations";
import { UserRowActions } from "./user-row-actions";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminHome({ searchParams }: PageProps) {
  const user = await requirePageUser(AREA_ROLES.admin, "/admin");
  const raw = await searchParams;
  const search = userSearchSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined])),
  );
  const { organizations: organizationRows, users: userPage } = await getAdminDirectory(user, search);
  const { items: userRows, page, pageCount, total } = userPage;
  const t = await getTranslations("admin");
  const factorsT = await getTranslations("factors");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const format = await getFormatter();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <>
            <Link className="text-sm font-medium text-brand-700 hover:underline" href="/admin/factors">
              {factorsT("nationalTitle")}
            </Link>
            <Link className="text-sm font-medium text-brand-700 hover:underline" href="/admin/outbox">
              {t("outbox.link")}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title={t("organizations")}
            actions={
              <Link className={buttonVariants({ size: "sm" })} href="/admin/organizations/new">
                {t("newOrganization")}
              </Link>
            }
          />
          <Table>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("kind")}</Th>
                <Th>{t("region")}</Th>
                <Th>{t("users")}</Th>
              </tr>
            </thead>
            <tbody>
              {organizationRows.map((organization) => (
                <tr key={organization.id}>
                  <Td>
                    {(locale === "en" && organization.nameEn) || organization.name}
                    {organization.creditCode ? (
                      <span className="block font-mono text-xs text-slate-600">{organization.creditCode}</span>
                    ) : null}
                  </Td>
                  <Td>{common(`organizationKinds.${organization.kind}`)}</Td>
                  <Td>
                    {regionName(organization.region, locale)}
                    {organization.district ? ` · ${regionName(organization.district, locale)}` : ""}
                  </Td>
                  <Td>{t("userCount", { count: organization.userCount })}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader
            title={t("users")}
            actions={
              <Link className={buttonVariants({ size: "sm" })} href="/admin/users/new">
                {t("newUser")}
              </Link>
            }
          />
          <CardBody className="border-b border-slate-200">
            <form method="get" action="/admin" aria-label={t("userSearch.label")} className="grid items-end gap-4 sm:grid-cols-[1fr_auto]">
              <SearchField id="user-q" label={t("userSearch.text")} hint={t("userSearch.hint")} defaultValue={search.q} />
              <FilterActions applyLabel={common("search")} resetLabel={common("reset")} resetHref="/admin" />
            </form>
          </CardBody>
          {userRows.length === 0 ? (
            <CardBody>
              <EmptyState title={search.q ? t("userSearch.none") : t("userSearch.empty")} />
            </CardBody>
          ) : (
            <Table>
              <caption className="sr-only">{t("users")}</caption>
              <thead>
                <tr>
                  <Th>{t("email")}</Th>
                  <Th>{t("name")}</Th>
                  <Th>{t("organization")}</Th>
                  <Th>{t("role")}</Th>
                  <Th>{common("status")}</Th>
                  <Th>{t("lastLogin")}</Th>
                  <Th>{common("actions")}</Th>
                </tr>
              </thead>
              <tbody>
                {userRows.map((row) => (
                  <tr key={row.id}>
                    <Td>{row.email}</Td>
                    <Td>
                      {row.name}
                      {row.mobile ? (
                        <span className="block text-xs text-slate-600">{t("mobile", { mobile: formatMobile(row.mobile) })}</span>
                      ) : null}
                    </Td>
                    <Td>{(locale === "en" && row.organizationNameEn) || row.organizationName}</Td>
                    <Td>{common(`roles.${row.role}`)}</Td>
                    <Td>
                      {row.disabled ? <Badge tone="danger">{t("disabled")}</Badge> : <Badge tone="success">{t("active")}</Badge>}
                    </Td>
                    <Td>{row.lastLoginAt ? format.dateTime(row.lastLoginAt, DATE_TIME_FORMAT) : t("never")}</Td>
                    <Td>
                      <UserRowActions
                        userId={row.id}
                        email={row.email}
                        role={row.role}
                        disabled={row.disabled}
                        organizationKind={row.organizationKind}
                        isSelf={row.id === user.id}
                      />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <CardBody className="border-t border-slate-200">
            <Pagination
              label={t("userSearch.pagination")}
              position={{ page, pageCount, total }}
              {...pageLinks("/admin", { q: search.q }, page, pageCount)}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
