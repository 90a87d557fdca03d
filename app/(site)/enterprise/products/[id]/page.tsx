import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { ApplicationStatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { getOwnProduct } from "@/lib/dal/enterprise-products";
import { CLOSED_STATUSES } from "@/lib/policy";
import { PRODUCT_LOCK_MESSAGES } from "@/lib/rules/application";
import { ProductForm } from "@/components/products/product-form";
import { OpenApplicationButton } from "./open-application-button";
import { DATE_FORMAT } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enterprise");
  return { title: t("productPageTitle") };
}

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(AREA_ROLES.enterprise, `/enterprise/products/${id}`);
  const found = await getOwnProduct(user, id);
  if (!found) notFound();
  const { product, category, categories, applications, lock } = found;
  const t = await getTranslations("enterprise");
  const common = await getTranslations("common");
  const format = await getFormatter();
  const en = (await getLocale()) === "en";
  const openApplication = applications.find((application) => !(CLOSED_STATUSES as readonly string[]).includes(application.status));
  const details: [string, string][] = [
    [t("nameZh"), product.nameZh],
    [t("nameEn"), product.nameEn],
    [t("model"), product.model],
    [t("category"), (en ? category?.nameEn : category?.nameZh) ?? product.categoryId],
    [t("hsCode"), product.hsCode],
    [t("declaredUnit"), `${product.declaredUnitAmount} ${product.declaredUnit}`],
    [t("boundary"), common(`boundary.${product.systemBoundary}`)],
    [t("referencePeriod"), `${product.periodStart} – ${product.periodEnd}`],
    [t("productionVolume"), `${product.productionVolume} × ${product.declaredUnitAmount} ${product.declaredUnit}`],
    [t("site"), product.site],
    [t("exportMarkets"), product.exportMarkets.map((market) => (t.has(`markets.${market}`) ? t(`markets.${market}`) : market)).join(", ") || common("none")],
  ];

  return (
    <>
      <PageHeader
        title={en ? product.nameEn : product.nameZh}
        description={`${product.model} · ${en ? category?.nameEn : category?.nameZh}`}
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href="/enterprise">
            {common("back")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("applications")} />
          <CardBody className="space-y-4">
            {openApplication ? (
              <p className="text-sm text-slate-700">
                {t("openApplicationExists")}{" "}
                <Link className="font-medium text-brand-700 hover:underline" href={`/enterprise/applications/${openApplication.id}`}>
                  {t("goToApplication")}
                </Link>
              </p>
            ) : (
              <OpenApplicationButton productId={product.id} />
            )}
            {applications.length === 0 ? (
              <EmptyState title={t("noApplications")} description={t("noApplicationsHint")} />
            ) : (
              <Table>
                <thead>
                  <tr>
                    <Th>{t("application")}</Th>
                    <Th>{common("status")}</Th>
                    <Th>{common("updated")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {applications.map((application) => (
                    <tr key={application.id}>
                      <Td>
                        <Link className="font-medium text-brand-700 hover:underline" href={`/enterprise/applications/${application.id}`}>
                          {t("applicationRound", { round: application.round })}
                        </Link>
                      </Td>
                      <Td>
                        <ApplicationStatusBadge status={application.status} />
                      </Td>
                      <Td>{format.dateTime(application.updatedAt, DATE_FORMAT)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={lock ? t("productDetails") : t("editProduct")} />
          <CardBody>
            {!lock ? (
              <ProductForm product={product} categories={categories} />
            ) : (
              <>
                <Alert tone="info" className="mb-4">
                  {t(PRODUCT_LOCK_MESSAGES[lock].notice)}
                </Alert>
                <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                  {details.map(([label, value]) => (
                    <div key={label}>
                      <dt className="text-xs font-medium text-slate-600">{label}</dt>
                      <dd className="text-sm text-slate-900">{value}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
