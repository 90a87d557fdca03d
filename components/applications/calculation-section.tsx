import { useFormatter, useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { calculateApplicationAction } from "@/lib/actions/applications/calculate";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import { formatSignificant, formatSignificantFigures } from "@/lib/calc/format";
import { useUnitText } from "@/components/use-unit-text";
import type { ApplicationWorkspace } from "@/lib/dal/enterprise-application";
import { FootprintBarChart } from "./footprint-bar-chart";
import { PlausibilityAlert } from "./plausibility-alert";
import { SupplyChainSection } from "./supply-chain-section";

/** The footprint: the headline per declared unit, where it comes from, and what it rests on. */
export function CalculationSection({ workspace }: { workspace: ApplicationWorkspace }) {
  const t = useTranslations("applications.calculation");
  const format = useFormatter();
  const percent = (share: string) => format.number(Number(share), { style: "percent", maximumFractionDigits: 1 });
  const common = useTranslations("common");
  const { application, product, category, latestCalculation: calculation, calculationFresh, editable, permitted } = workspace;
  const perUnit = useUnitText().perDeclaredUnit(product.declaredUnitAmount, product.declaredUnit);
  const emptyStages = workspace.missing.flatMap((item) => (item.kind === "stage" ? [common(`stages.${item.stage}`)] : []));
  const stageRows = calculation
    ? LIFE_CYCLE_STAGES.filter((stage) => calculation.breakdown.byStage[stage] !== undefined).map((stage) => ({
        stage,
        label: common(`stages.${stage}`),
        value: calculation.breakdown.byStage[stage] ?? "0",
      }))
    : [];
  const hotspots = workspace.hotspots.map((hotspot, index) => ({
    ...hotspot,
    label: hotspot.description ?? t("deletedLine", { index: index + 1 }),
  }));

  return (
    <Card id="calculation">
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={permitted.has("application.calculate") ? <ActionButton action={calculateApplicationAction} input={{ applicationId: application.id }} label={t("calculate")} /> : undefined}
      />
      <CardBody className="space-y-6">
        {!calculation ? (
          <EmptyState title={t("none")} description={editable ? t("noneHint") : undefined} />
        ) : (
          <>
            {!calculationFresh ? <Alert tone="warning">{t("stale")}</Alert> : null}
            {calculationFresh && emptyStages.length ? (
              <Alert tone="warning" data-testid="stages-missing">
                {t("stagesMissing", { stages: emptyStages.join(common("listSeparator")) })}
              </Alert>
            ) : null}
            <PlausibilityAlert result={calculation.result} category={category} />
            <div>
              <p className="text-sm text-slate-600">{t("result")}</p>
              <p className="text-3xl font-semibold tracking-tight text-slate-900" data-testid="footprint-result">
                {formatSignificantFigures(calculation.result)} <span className="text-base font-normal text-slate-700">{perUnit}</span>
              </p>
              <p className="mt-1 break-all text-xs text-slate-600">
                {t("fullPrecision")}: {calculation.result}
              </p>
            </div>
            <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
              {[
                [t("fossil"), formatSignificant(calculation.fossil)],
                [t("biogenic"), formatSignificant(calculation.biogenic)],
                [t("landUseChange"), formatSignificant(calculation.landUseChange)],
                [t("biogenicRemovals"), formatSignificant(calculation.breakdown.biogenicRemovals)],
                [t("primaryShare"), percent(calculation.primaryShare)],
                [t("verifiedSupplierShare"), percent(workspace.supplyChain.shares?.verifiedSupplierShare ?? "0")],
                [t("dataQuality"), t("dataQualityValue", { value: calculation.dataQuality })],
              ].map(([label, value]) => (
                <div key={label} className="rounded-md border border-slate-200 p-3">
                  <dt className="text-xs font-medium text-slate-600">{label}</dt>
                  <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>

            <div className="grid gap-6 lg:grid-cols-2">
              <section aria-labelledby="by-stage-title" className="space-y-3">
                <h3 id="by-stage-title" className="text-sm font-semibold text-slate-900">
                  {t("byStage")}
                </h3>
                <FootprintBarChart data={stageRows.map((row) => ({ label: row.label, value: Number(row.value) }))} unit={perUnit} />
                <Table>
                  <caption className="sr-only">{t("byStage")}</caption>
                  <thead>
                    <tr>
                      <Th>{t("stage")}</Th>
                      <Th className="text-right">{perUnit}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {stageRows.map((row) => (
                      <tr key={row.stage}>
                        <Td>{row.label}</Td>
                        <Td className="text-right tabular-nums">{formatSignificant(row.value, 4)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </section>
              <section aria-labelledby="hotspots-title" className="space-y-3">
                <h3 id="hotspots-title" className="text-sm font-semibold text-slate-900">
                  {t("hotspots")}
                </h3>
                <FootprintBarChart data={hotspots.map((row) => ({ label: row.label, value: Number(row.emissions) }))} unit={perUnit} />
                <Table>
                  <caption className="sr-only">{t("hotspots")}</caption>
                  <thead>
                    <tr>
                      <Th>{t("line")}</Th>
                      <Th>{t("stage")}</Th>
                      <Th className="text-right">{perUnit}</Th>
                      <Th className="text-right">{t("share")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {hotspots.map((row) => (
                      <tr key={row.lineId}>
                        <Td>{row.label}</Td>
                        <Td>{common(`stages.${row.stage}`)}</Td>
                        <Td className="text-right tabular-nums">{formatSignificant(row.emissions, 4)}</Td>
                        <Td className="text-right tabular-nums">{percent(row.share)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </section>
            </div>

            <SupplyChainSection chain={workspace.supplyChain} />

            <section aria-labelledby="basis-title" className="space-y-2 text-sm">
              <h3 id="basis-title" className="font-semibold text-slate-900">
                {t("basis")}
              </h3>
              <p>
                {t("gwpSet")}: <span className="font-medium">{calculation.gwpSet}</span> · {t("productionVolume")}: {product.productionVolume}
              </p>
              {calculation.breakdown.factorsUsed.length ? (
                <ul className="list-inside list-disc text-slate-700">
                  {calculation.breakdown.factorsUsed.map((factor) => (
                    <li key={factor.factorId}>
                      <code className="text-xs">{factor.factorKey}</code> v{factor.version}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-600">{t("noDatabaseFactors")}</p>
              )}
            </section>
          </>
        )}
      </CardBody>
    </Card>
  );
}
