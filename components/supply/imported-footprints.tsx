import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatSignificant } from "@/lib/calc/format";
import type { ImportedFootprintRow } from "@/lib/dal/supply/requests";
import { ApplyFootprintForm } from "./apply-footprint-form";
import { ImportFootprintForm } from "./import-footprint-form";
import { ImportPartnerFootprintForm } from "./import-partner-footprint-form";

/** The PACT footprints the enterprise imported, each usable in a line like a fulfilled request's; without verification they are self-declared. */
export async function ImportedFootprints({ imports, mayImport, partners }: { imports: ImportedFootprintRow[]; mayImport: boolean; partners: { id: string; name: string; baseUrl: string }[] }) {
  const t = await getTranslations("supply.import");
  const shared = await getTranslations("supply.shared");
  const format = await getFormatter();
  return (
    <Card>
      <CardHeader title={t("title")} description={t("intro")} />
      <CardBody className="space-y-4">
        {mayImport ? <ImportFootprintForm /> : null}
        {mayImport && partners.length > 0 ? <ImportPartnerFootprintForm partners={partners} /> : null}
        {mayImport && partners.length === 0 ? <p className="text-xs text-slate-600">{t("partner.noPartners")}</p> : null}
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {imports.map((entry) => (
              <li key={entry.id} className="space-y-2 py-3 text-sm" data-testid="imported-footprint">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold text-slate-900">{t("value", { value: formatSignificant(entry.value, 4), unit: entry.declaredUnit })}</span>
                  {entry.selfDeclared ? <Badge tone="warning">{shared("selfDeclared")}</Badge> : <Badge tone="success">{shared("certified")}</Badge>}
                  {entry.credentialVerdict ? <Badge tone={entry.credentialVerdict === "valid" ? "success" : "warning"}>{t(`credential.${entry.credentialVerdict}`)}</Badge> : null}
                </div>
                <p className="text-slate-700">{t("of", { product: entry.productName, supplier: entry.companyName })}</p>
                <p className="text-xs text-slate-600">
                  {entry.selfDeclared ? t("selfDeclaredHint") : entry.verifiedBy ? t("verifiedBy", { provider: entry.verifiedBy }) : null}
                </p>
                <p className="text-xs text-slate-600">{t("importedAt", { file: entry.fileName, date: format.dateTime(entry.createdAt, { dateStyle: "medium" }) })}</p>
                <ApplyFootprintForm source={{ importedFootprintId: entry.id }} lines={entry.candidateLines} />
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
