import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/auth/permissions";
import { listOrganizations, listUsers } from "@/lib/dal/admin-directory";
import { regionName } from "@/lib/regions";
import { OrganizationForm } from "./organization-form";
import { UserForm } from "./user-form";
import { UserRowActions } from "./user-row-actions";

export default async function AdminHome() {
  const user = await requirePageUser(AREA_ROLES.admin, "/admin");
  const [organizationRows, userRows] = await Promise.all([listOrganizations(user), listUsers(user)]);
  const t = await getTranslations("admin");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const format = await getFormatter();
  const usersPerOrganization = new Map<string, number>();
  for (const row of userRows) {
    usersPerOrganization.set(row.organizationId, (usersPerOrganization.get(row.organizationId) ?? 0) + 1);
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
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
                  <Td>{row.name}</Td>
                  <Td>{row.organizationName}</Td>
                  <Td>{common(`roles.${row.role}`)}</Td>
                  <Td>
                    {row.disabled ? <Badge tone="danger">{t("disabled")}</Badge> : <Badge tone="success">{t("active")}</Badge>}
                  </Td>
                  <Td>{row.lastLoginAt ? format.dateTime(row.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</Td>
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
