import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { PageHeader } from "@/components/page-header";
import { CertificateStatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ManagedCertificateList, ManagedFilter } from "@/lib/dal/certificates";
import { CertificateControls } from "./certificate-controls";
import { DownloadLinks } from "./download-links";
import { ExpiryText } from "./expiry-text";
import { LabelPageLink } from "./label-page-link";
import { SupplierDependencies } from "./supplier-dependencies";
import { footprintText } from "./footprint";
import { Pagination, pageLinks } from "@/components/forms/pagination";
import { hrefWithParams } from "@/lib/utils";
import { DATE_FORMAT } from "@/lib/i18n/date-format";

const FILTERS: readonly ManagedFilter[] = ["all", "overdue", "suspended"];

export function parseManagedQuery(searchParams: Record<string, string | string[] | undefined>) {
  const filter = FILTERS.find((value) => value === searchParams.filter) ?? "all";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(String(searchParams.page ?? "1"), 10) || 1));
  return { filter, page };
}

/**
 * The body's or the regulator's certificates, with surveillance more than 30 days overdue flagged
 * and the controls the policy allows on each (surveillance is the issuing body's only).
 */
export function ManagedCertificates({
  result,
  audience,
  path,
  filter,
  page,
}: {
  result: ManagedCertificateList;
  /** Whose list it is: the page's description says what they manage. */
  audience: "body" | "regulator";
  path: string;
  filter: ManagedFilter;
  page: number;
}) {
  const t = useTranslations("certificates");
  const format = useFormatter();
  const en = useLocale() === "en";
  return (
    <>
      <PageHeader title={t("managedTitle")} description={audience === "body" ? t("bodyDescription") : t("regulatorDescription")} />
      {result.overdueCount > 0 ? (
        <Alert tone="warning" className="mb-4">
          <Link href={hrefWithParams(path, { filter: "overdue" })} className="font-medium underline">
            {t("overdueBanner", { count: result.overdueCount })}
          </Link>
        </Alert>
      ) : null}
      <nav aria-label={t("filter.label")} className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((value) => (
          <Link
            key={value}
            href={hrefWithParams(path, { filter: value === "all" ? undefined : value })}
            aria-current={value === filter ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
          >
            {t(`filter.${value}`)}
          </Link>
        ))}
      </nav>
      <Card>
        {result.rows.length === 0 ? (
          <div className="p-4">
            <EmptyState title={t("noCertificates")} />
          </div>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("number")}</Th>
                <Th>{t("product")}</Th>
                <Th>{t("footprint")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("nextSurveillance")}</Th>
                <Th>{t("expires")}</Th>
                <Th>{t("manage")}</Th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id}>
                  <Td>
                    <LabelPageLink className="font-mono font-medium text-brand-700 hover:underline" number={row.number} />
                    <div className="mt-2">
                      <DownloadLinks number={row.number} includePact={row.permitted.includes("certificate.exportPact")} />
                    </div>
                  </Td>
                  <Td>
                    <span className="font-medium">{en ? row.productNameEn : row.productNameZh}</span>
                    <span className="block text-xs text-slate-600">{row.enterpriseName}</span>
                  </Td>
                  <Td className="tabular-nums">
                    {footprintText(row.value, row.declaredUnitAmount, row.declaredUnit)}
                    <span className="block text-xs text-slate-600">
                      {row.grade === null ? t("noGrade") : t("gradeValue", { grade: row.grade })}
                    </span>
                  </Td>
                  <Td>
                    <CertificateStatusBadge status={row.status} />
                    {row.statusReason && (row.status === "suspended" || row.status === "withdrawn") ? (
                      <span className="mt-1 block max-w-48 text-xs text-slate-700">{row.statusReason}</span>
                    ) : null}
                    <SupplierDependencies dependencies={row.supplierDependencies} />
                  </Td>
                  <Td>
                    {format.dateTime(new Date(row.nextSurveillanceDue), DATE_FORMAT)}
                    {row.surveillanceOverdue ? (
                      <Badge tone="danger" className="mt-1 block w-fit">
                        {t("overdue")}
                      </Badge>
                    ) : null}
                  </Td>
                  <Td>
                    <ExpiryText expiresOn={row.expiresOn} daysUntilExpiry={row.daysUntilExpiry} />
                  </Td>
                  <Td>
                    <CertificateControls
                      key={`${row.id}-${row.version}`}
                      certificateId={row.id}
                      number={row.number}
                      version={row.version}
                      permitted={row.permitted}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <div className="px-4 py-3 sm:px-6">
          <Pagination
            label={t("pagination")}
            position={{ page, pageCount: result.pages, total: result.total }}
            {...pageLinks(path, { filter: filter === "all" ? undefined : filter }, page, result.pages)}
          />
        </div>
      </Card>
    </>
  );
}
