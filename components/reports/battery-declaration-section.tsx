import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Table, Td, Th } from "@/components/ui/table";
import { formatSignificant } from "@/lib/calc/format";
import type { BatteryDeclarationPanel } from "@/lib/dal/battery-declaration";
import type { DeclarationRefusal } from "@/lib/rules/battery-declaration";
import { BatteryDeclarationForm } from "./battery-declaration-form";

/** The EU battery declaration of a battery product's application: whether it can be generated, the stage mapping, the data form. */
export function BatteryDeclarationSection({ applicationId, panel }: { applicationId: string; panel: BatteryDeclarationPanel }) {
  const t = useTranslations("batteryDeclaration");
  const common = useTranslations("common");
  const refusalText = (refusal: DeclarationRefusal) => {
    if (refusal.reason === "missingStages") return t("errors.missingStages", { stages: refusal.stages.map((stage) => t(`stages.${stage}`)).join("; ") });
    if (refusal.reason === "unitNotConvertible") return t("errors.unitNotConvertible", { unit: refusal.declaredUnit });
    return t(`errors.${refusal.reason}`);
  };
  const base = `/api/applications/${applicationId}/battery-declaration`;
  const { state } = panel;

  return (
    <section aria-labelledby="battery-declaration-title" className="space-y-4 border-t border-slate-200 pt-6">
      <div>
        <h3 id="battery-declaration-title" className="text-sm font-semibold text-slate-900">
          {t("title")}
        </h3>
        <p className="text-sm text-slate-600">{t("description")}</p>
      </div>
      {state.kind === "notEntered" ? <Alert>{t("status.notEntered")}</Alert> : null}
      {state.kind === "notCalculated" ? <Alert tone="warning">{t("status.notCalculated")}</Alert> : null}
      {state.kind === "refused" ? (
        <Alert tone="warning">
          <p>{t("status.refused")}</p>
          <ul className="mt-1 list-inside list-disc">
            {state.refusals.map((refusal) => (
              <li key={refusal.reason}>{refusalText(refusal)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {state.kind === "ready" ? (
        <div className="space-y-3">
          <Alert tone="success">
            {t("status.ready")} <strong className="tabular-nums">{t("status.perKwh", { value: formatSignificant(state.perKwh, 4) })}</strong>
          </Alert>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            <a href={`${base}?format=pdf`} download className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline">
              <Download aria-hidden="true" className="size-4" />
              {t("status.downloadPdf")}
            </a>
            <a href={`${base}?format=json`} download className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline">
              <Download aria-hidden="true" className="size-4" />
              {t("status.downloadJson")}
            </a>
          </div>
          <Table>
            <caption className="mb-1 text-left text-sm font-medium text-slate-900">{t("status.mappingTitle")}</caption>
            <thead>
              <tr>
                <Th>{t("status.inventoryStage")}</Th>
                <Th>{t("status.annexStage")}</Th>
                <Th className="text-right">{t("status.perBattery")}</Th>
              </tr>
            </thead>
            <tbody>
              {state.mapping.map((entry) => (
                <tr key={entry.inventoryStage}>
                  <Td>{common(`stages.${entry.inventoryStage}`)}</Td>
                  <Td>{entry.stage ? t(`stages.${entry.stage}`) : t("status.excluded")}</Td>
                  <Td className="text-right tabular-nums">{entry.absolute === null ? "—" : formatSignificant(entry.absolute, 4)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
      {panel.covered ? <BatteryDeclarationForm values={panel.values} /> : null}
    </section>
  );
}
