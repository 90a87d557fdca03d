import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatSignificant } from "@/lib/calc/format";
import type { SupplyRequestRow } from "@/lib/dal/supply/requests";

type PartnerFootprint = NonNullable<SupplyRequestRow["partnerFootprint"]>;

/** The footprint a PACT partner answered a request with: value and unit, who verified it (or self-declared), and its credential's check. */
export async function PartnerFootprintSummary({ footprint }: { footprint: PartnerFootprint }) {
  const t = await getTranslations("supply.import");
  const shared = await getTranslations("supply.shared");
  return (
    <div className="space-y-2 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm" data-testid="partner-footprint">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900">{t("value", { value: formatSignificant(footprint.value, 4), unit: footprint.declaredUnit })}</span>
        {footprint.selfDeclared ? <Badge tone="warning">{shared("selfDeclared")}</Badge> : <Badge tone="success">{shared("certified")}</Badge>}
        {footprint.credentialVerdict ? <Badge tone={footprint.credentialVerdict === "valid" ? "success" : "warning"}>{t(`credential.${footprint.credentialVerdict}`)}</Badge> : null}
      </div>
      <p className="text-slate-700">{t("of", { product: footprint.productName, supplier: footprint.companyName })}</p>
      <p className="text-xs text-slate-600">
        {footprint.selfDeclared ? t("selfDeclaredHint") : footprint.verifiedBy ? t("verifiedBy", { provider: footprint.verifiedBy }) : null}
      </p>
      <p className="break-all font-mono text-xs text-slate-600">{t("pactId", { id: footprint.footprintId })}</p>
    </div>
  );
}
