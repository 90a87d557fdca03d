import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatSignificant } from "@/lib/calc/format";
import type { SharedFootprint } from "@/lib/rules/shared-footprint";

/** The part of a supplier's certified footprint it shared: value and unit always, the rest as chosen. */
export async function SharedFootprintSummary({ shared }: { shared: SharedFootprint }) {
  const t = await getTranslations("supply.shared");
  const common = await getTranslations("common");
  return (
    <div className="space-y-2 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm" data-testid="shared-footprint">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{t("value", { value: formatSignificant(shared.value, 4), unit: shared.declaredUnit })}</span>
        {shared.verification ? <Badge tone="success">{t("certified")}</Badge> : <Badge tone="warning">{t("selfDeclared")}</Badge>}
      </div>
      <p className="text-slate-700">{t("of", { product: shared.productName, supplier: shared.supplierName, version: shared.footprintVersion })}</p>
      <dl className="grid gap-1 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        {shared.boundary ? (
          <>
            <dt className="text-slate-600">{t("boundary")}</dt>
            <dd>{common(`boundary.${shared.boundary}`)}</dd>
          </>
        ) : null}
        {shared.primaryDataShare ? (
          <>
            <dt className="text-slate-600">{t("primaryDataShare")}</dt>
            <dd>{formatSignificant(String(Number(shared.primaryDataShare) * 100), 3)} %</dd>
          </>
        ) : null}
        {shared.dataQuality ? (
          <>
            <dt className="text-slate-600">{t("dataQuality")}</dt>
            <dd>{shared.dataQuality}</dd>
          </>
        ) : null}
        {shared.stages
          ? Object.entries(shared.stages).map(([stage, value]) => (
              <div key={stage} className="contents">
                <dt className="text-slate-600">{common(`stages.${stage}`)}</dt>
                <dd>{t("value", { value: formatSignificant(value, 4), unit: shared.declaredUnit })}</dd>
              </div>
            ))
          : null}
      </dl>
      {shared.verification ? (
        <p className="text-slate-700">
          {t("verifiedBy", { body: shared.verification.bodyName, issuedOn: shared.verification.issuedOn, expiresOn: shared.verification.expiresOn })}{" "}
          <Link className="text-brand-700 underline" href={shared.verification.labelPath}>
            {t("labelLink", { number: shared.certificateNumber })}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
