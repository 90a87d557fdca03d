import { useLocale, useTranslations } from "next-intl";
import { CertificateStatusBadge } from "@/components/status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { OwnCertificateRow } from "@/lib/dal/certificates";
import { DownloadLinks } from "./download-links";
import { ExpiryText } from "./expiry-text";
import { LabelPageLink } from "./label-page-link";
import { SupplierDependencies } from "./supplier-dependencies";
import { footprintText } from "./footprint";
import { RecertifyButton } from "./recertify-button";

/** The enterprise's certificates: live status, days to expiry, downloads and re-certification. */
export function EnterpriseCertificates({ rows }: { rows: OwnCertificateRow[] }) {
  const t = useTranslations("certificates");
  const en = useLocale() === "en";
  return (
    <Card>
      <CardHeader title={t("enterpriseTitle")} />
      {rows.length === 0 ? (
        <div className="p-4">
          <EmptyState title={t("noCertificates")} description={t("noCertificatesHint")} />
        </div>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("number")}</Th>
              <Th>{t("product")}</Th>
              <Th>{t("footprint")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("expires")}</Th>
              <Th>{t("downloads")}</Th>
              <Th>
                <span className="sr-only">{t("recertify")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <Td>
                  <LabelPageLink className="font-mono font-medium text-brand-700 hover:underline" number={row.number} />
                </Td>
                <Td>
                  {en ? row.productNameEn : row.productNameZh}
                  <span className="block text-xs text-slate-600">
                    {row.grade === null ? t("noGrade") : t("gradeValue", { grade: row.grade })}
                  </span>
                </Td>
                <Td className="tabular-nums">{footprintText(row.value, row.declaredUnitAmount, row.declaredUnit)}</Td>
                <Td>
                  <CertificateStatusBadge status={row.status} />
                  {row.statusReason && (row.status === "suspended" || row.status === "withdrawn") ? (
                    <span className="mt-1 block max-w-48 text-xs text-slate-700">{row.statusReason}</span>
                  ) : null}
                  <SupplierDependencies dependencies={row.supplierDependencies} />
                </Td>
                <Td>
                  <ExpiryText expiresOn={row.expiresOn} daysUntilExpiry={row.daysUntilExpiry} />
                </Td>
                <Td>
                  <DownloadLinks number={row.number} includePact={row.permitted.includes("certificate.exportPact")} />
                </Td>
                <Td>
                  {row.renewalOpened ? (
                    <span className="text-xs text-slate-600">{t("renewalOpened")}</span>
                  ) : row.permitted.includes("certificate.recertify") ? (
                    <RecertifyButton certificateId={row.id} number={row.number} />
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
