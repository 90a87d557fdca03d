import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EnterpriseCertificates } from "@/components/certificates/enterprise-certificates";
import { PageHeader } from "@/components/page-header";
import { ApplicationStatusBadge } from "@/components/status-badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { unitText } from "@/components/use-unit-text";
import { formatSignificantFigures } from "@/lib/calc/format";
import { DATE_FORMAT } from "@/lib/i18n/date-format";
import { organizationName } from "@/lib/i18n/names";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { getEnterpriseHome } from "@/lib/dal/enterprise-home";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enterprise");
  return { title: t("homeTitle") };
}

export default async function EnterpriseHome() {
  const user = await requirePageUser(AREA_ROLES.enterprise, "/enterprise");
  const { products: productRows, applications: applicationRows, certificates } = await getEnterpriseHome(user);
  const t = await getTranslations("enterprise");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const units = unitText(await getTranslations("common.units"));
  const format = await getFormatter();
  const en = locale === "en";
  return (
    <>
      <PageHeader title={t("homeTitle")} description={organizationName(user, locale)} />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title={t("products")}
            actions={
              <Link className={buttonVariants({ size: "sm" })} href="/enterprise/products/new">
                {t("registerProduct")}
              </Link>
            }
          />
          {productRows.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t("noProducts")} description={t("noProductsHint")} />
            </div>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("productName")}</Th>
                  <Th>{t("model")}</Th>
                  <Th>{t("category")}</Th>
                  <Th>{t("boundary")}</Th>
                  <Th>{t("declaredUnit")}</Th>
                </tr>
              </thead>
              <tbody>
                {productRows.map((product) => (
                  <tr key={product.id}>
                    <Td>
                      <Link className="font-medium text-brand-700 hover:underline" href={`/enterprise/products/${product.id}`}>
                        {en ? product.nameEn : product.nameZh}
                      </Link>
                    </Td>
                    <Td>{product.model}</Td>
                    <Td>{en ? product.categoryEn : product.categoryZh}</Td>
                    <Td>{common(`boundary.${product.systemBoundary}`)}</Td>
                    <Td>
                      {product.declaredUnitAmount} {product.declaredUnit}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader title={t("applications")} />
          {applicationRows.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t("noApplications")} />
            </div>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("productName")}</Th>
                  <Th>{common("status")}</Th>
                  <Th>{t("result")}</Th>
                  <Th>{common("updated")}</Th>
                </tr>
              </thead>
              <tbody>
                {applicationRows.map((application) => (
                  <tr key={application.id}>
                    <Td>
                      <Link className="font-medium text-brand-700 hover:underline" href={`/enterprise/applications/${application.id}`}>
                        {en ? application.productNameEn : application.productNameZh}
                      </Link>
                    </Td>
                    <Td>
                      <ApplicationStatusBadge status={application.status} />
                    </Td>
                    <Td>{application.resultValue ? `${formatSignificantFigures(application.resultValue)} ${units.perDeclaredUnit(application.declaredUnitAmount, application.declaredUnit)}` : t("notCalculated")}</Td>
                    <Td>{format.dateTime(application.updatedAt, DATE_FORMAT)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <EnterpriseCertificates rows={certificates} />
      </div>
    </>
  );
}
