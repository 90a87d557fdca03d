import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LabelPageLink } from "@/components/certificates/label-page-link";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { PactFootprintsPage } from "@/lib/dal/pact/enterprise";
import { PactTabs } from "./pact-tabs";
import { DATE_FORMAT, DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

/** The enterprise's certified footprints as its PACT host serves them, and where to reach it. */
export async function FootprintsView({ page }: { page: PactFootprintsPage }) {
  const t = await getTranslations("pact.footprints");
  const format = await getFormatter();
  const locale = await getLocale();
  const name = (row: { productName: string; productNameEn: string }) => (locale === "en" ? row.productNameEn : row.productName);
  const day = (iso: string) => format.dateTime(new Date(iso), DATE_FORMAT);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <PactTabs current="footprints" />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("endpointsHeading")} description={t("endpointsHint")} />
          <CardBody>
            <dl className="grid gap-3 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-6">
              {(["footprints", "events", "token", "discovery"] as const).map((key) => (
                <div key={key} className="contents">
                  <dt className="font-medium text-slate-800">{t(`endpoints.${key}`)}</dt>
                  <dd className="break-all font-mono text-slate-700">{page.endpoints[key]}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-4 text-sm text-slate-700">
              {t.rich("clientsHint", {
                link: (chunks) => (
                  <Link href="/enterprise/api-clients" className="font-medium text-brand-700 underline underline-offset-4">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("publishedHeading")} />
          {page.footprints.length === 0 ? (
            <CardBody>
              <EmptyState title={t("empty")} description={t("emptyHint")} />
            </CardBody>
          ) : (
            <Table>
              <caption className="sr-only">{t("publishedHeading")}</caption>
              <thead>
                <tr>
                  <Th>{t("columns.product")}</Th>
                  <Th>{t("columns.footprint")}</Th>
                  <Th>{t("columns.value")}</Th>
                  <Th>{t("columns.validity")}</Th>
                  <Th>{t("columns.status")}</Th>
                </tr>
              </thead>
              <tbody>
                {page.footprints.map((footprint) => (
                  <tr key={footprint.id}>
                    <Td>
                      <span className="font-medium text-slate-900">{name(footprint)}</span>
                      <LabelPageLink className="block font-mono text-xs text-brand-700 underline-offset-4 hover:underline" number={footprint.certificateNumber} />
                    </Td>
                    <Td>
                      <span className="block break-all font-mono text-xs text-slate-700">{footprint.id}</span>
                      <span className="block text-xs text-slate-600">{t("created", { date: format.dateTime(footprint.createdAt, DATE_TIME_FORMAT) })}</span>
                      {footprint.precedingCount > 0 ? <span className="block text-xs text-slate-600">{t("preceding", { count: footprint.precedingCount })}</span> : null}
                    </Td>
                    <Td className="whitespace-nowrap">
                      {t("value", {
                        value: footprint.pcfExcludingBiogenicUptake,
                        amount: footprint.declaredUnit.amount,
                        unit: t(`units.${footprint.declaredUnit.unit.replaceAll(" ", "_")}`),
                      })}
                    </Td>
                    <Td className="whitespace-nowrap">{t("validityRange", { start: day(footprint.validityPeriodStart), end: day(footprint.validityPeriodEnd) })}</Td>
                    <Td>
                      <Badge tone={footprint.status === "Active" ? "success" : "neutral"}>{t(`status.${footprint.status}`)}</Badge>
                      {footprint.deprecationReason ? <span className="mt-1 block text-xs text-slate-600">{t(`deprecationReasons.${footprint.deprecationReason}`)}</span> : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        {page.unpublished.length > 0 ? (
          <Card>
            <CardHeader title={t("unpublishedHeading")} description={t("unpublishedHint")} />
            <CardBody>
              <ul className="space-y-2 text-sm">
                {page.unpublished.map((certificate) => (
                  <li key={certificate.certificateNumber}>
                    <span className="font-medium text-slate-900">{name(certificate)}</span>{" "}
                    <span className="font-mono text-xs text-slate-600">{certificate.certificateNumber}</span>
                    <span className="block text-slate-700">{t(`gaps.${certificate.gap}`)}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
