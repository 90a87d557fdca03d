import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { getAdminDirectory } from "@/lib/dal/admin-directory";
import { regionName } from "@/lib/regions";
import { formatMobile } from "@/lib/validation/mobile";
import { OrganizationForm } from "./organization-form";
import { UserForm } from "./user-form";
import { UserRowActions } from "./user-row-actions";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminHome() {
  const user = await requirePageUser(AREA_ROLES.admin, "/admin");
  const { organizations: organizationRows, users: userRows } = await getAdminDirectory(user);
  const t = await getTranslations("admin");
  const factorsT = await getTranslations("factors");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const format = await getFormatter();
  const usersPerOrganization = new Map<string, number>();
  for (const row of userRows) {
    usersPerOrganization.set(row.organizationId, (usersPerOrganization.get(row.organizationId) ?? 0) + 1);
  }
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
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title={t("newOrganization")} />
            <CardBody>
              <OrganizationForm />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("newUser")} />
            <CardBody>
              <UserForm
                organizations={organizationRows
                  .filter((o) => o.kind !== "enterprise")
                  .map((o) => ({ id: o.id, name: o.name, kind: o.kind }))}
              />
            </CardBody>
          </Card>
        </div>
        <Card>
          <CardHeader title={t("organizations")} />
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
                    {organization.name}
                    {organization.creditCode ? (
                      <span className="block font-mono text-xs text-slate-600">{organization.creditCode}</span>
                    ) : null}
                  </Td>
                  <Td>{common(`organizationKinds.${organization.kind}`)}</Td>
                  <Td>
                    {regionName(organization.region, locale)}
                    {organization.district ? ` · ${regionName(organization.district, locale)}` : ""}
                  </Td>
                  <Td>{t("userCount", { count: usersPerOrganization.get(organization.id) ?? 0 })}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title={t("users")} />
          <Table>
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
                  <Td>{row.organizationName}</Td>
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
        </Card>
      </div>
    </>
  );
}
