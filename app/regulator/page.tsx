import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { applicationStatus } from "@/db/schema";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/auth/permissions";
import { pilotOverview } from "@/lib/dal/regulator-overview";

export default async function RegulatorDashboard() {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator");
  const overview = await pilotOverview(user);
  const t = await getTranslations("regulator");
  const common = await getTranslations("common");
  const tiles = [
    { label: t("enterprises"), value: overview.enterprises },
    { label: t("products"), value: overview.products },
    { label: t("validCertificates"), value: overview.validCertificates },
  ];
  return (
    <>
      <PageHeader title={t("dashboardTitle")} description={user.organizationName} />
      <div className="grid gap-4 sm:grid-cols-3">
        {tiles.map((tile) => (
          <Card key={tile.label}>
            <CardBody>
              <p className="text-sm text-slate-600">{tile.label}</p>
              <p className="mt-1 text-3xl font-semibold">{tile.value}</p>
            </CardBody>
          </Card>
        ))}
      </div>
      <Card className="mt-6">
        <CardHeader title={t("applicationsByStage")} />
        <Table>
          <thead>
            <tr>
              <Th>{common("status")}</Th>
              <Th className="text-right">{t("count")}</Th>
            </tr>
          </thead>
          <tbody>
            {applicationStatus.enumValues.map((status) => (
              <tr key={status}>
                <Td>{common(`applicationStatus.${status}`)}</Td>
                <Td className="text-right tabular-nums">{overview.applicationsByStatus[status] ?? 0}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
