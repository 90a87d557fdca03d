import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { deleteScenarioAction } from "@/lib/actions/scenarios/delete-scenario";
import { removeScenarioChangeAction } from "@/lib/actions/scenarios/remove-scenario-change";
import { formatSignificant } from "@/lib/calc/format";
import { LIFE_CYCLE_STAGES, type LifeCycleStage } from "@/lib/enums";
import type { ScenariosPage, ScenarioView, StoredScenarioChange } from "@/lib/dal/scenarios";
import { CreateScenarioForm } from "./create-scenario-form";
import { DraftFromScenarioButton } from "./draft-from-scenario-button";
import { ScenarioChangeForm } from "./scenario-change-form";
import { ScenarioComparisonChart } from "./scenario-comparison-chart";

type Basis = NonNullable<ScenariosPage["basis"]>;

function signed(value: string): string {
  const text = formatSignificant(value, 4);
  return Number(value) > 0 ? `+${text}` : text;
}

/** The scenarios of one calculated application: side by side (chart and table), then each with its changes and results. */
export function ScenariosView({ page, en }: { page: ScenariosPage; en: boolean }) {
  const t = useTranslations("scenarios");
  const common = useTranslations("common");
  const format = useFormatter();
  const { basis, product, scenarios, application } = page;
  if (!basis || !product) {
    return <Alert tone="warning">{t("notCalculated")}</Alert>;
  }
  const unit = t("perUnit", { amount: product.declaredUnitAmount, unit: product.declaredUnit });
  const stages = LIFE_CYCLE_STAGES.filter((stage) => basis.byStage[stage] !== undefined);
  const percent = (ratio: string) => format.number(Number(ratio), { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" });
  const gradeText = (grade: { grade: number } | null) => (grade ? t("gradeValue", { grade: grade.grade }) : t("noGrade"));
  const lineLabel = new Map(basis.lines.map((line) => [line.id, `${common(`stages.${line.stage}`)} · ${line.description}`]));
  const stageValue = (byStage: Partial<Record<LifeCycleStage, string>>) => Object.fromEntries(stages.map((stage) => [stage, Number(byStage[stage] ?? "0")]));
  const chartRows = [
    { name: t("baseName"), ...stageValue(basis.byStage) },
    ...scenarios.flatMap((scenario) => (scenario.outcome.ok ? [{ name: scenario.name, ...stageValue(scenario.outcome.calculation.byStage) }] : [])),
  ];
  const describe = (change: StoredScenarioChange) => {
    switch (change.kind) {
      case "replace_factor":
        return t("describe.replace_factor", { factor: change.factorName ? (en ? change.factorName.en : change.factorName.zh) : "" });
      case "supplier_footprint":
        return t("describe.supplier_footprint", {
          value: change.supplierFactor?.value ?? "",
          unit: change.supplierFactor?.unit ?? "",
          supplier: change.supplierFactor?.supplierName ?? "—",
        });
      case "scale_quantity":
        return t("describe.scale_quantity", { percent: signed(change.percent ?? "0") });
      case "set_allocation":
        return t("describe.set_allocation", { share: change.allocationShare ?? "" });
      case "remove_line":
        return t("describe.remove_line");
    }
  };
  const formLines = basis.lines.map((line) => ({ id: line.id, label: lineLabel.get(line.id) ?? line.description, dimension: line.dimension, directGas: line.source === "direct_gas" }));

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("base")} />
        <CardBody className="space-y-2">
          <p className="text-2xl font-semibold tabular-nums text-slate-900">
            {formatSignificant(basis.result, 4)} <span className="text-sm font-normal text-slate-600">{unit}</span>
          </p>
          <p className="text-sm text-slate-700">
            {t("grade")}: {gradeText(basis.grade)}
          </p>
          <p className="text-xs text-slate-600">
            {basis.benchmark && basis.benchmark.declaredUnit === product.declaredUnit
              ? t("benchmark", { value: basis.benchmark.value, unit: basis.benchmark.declaredUnit })
              : t("noBenchmark")}
          </p>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("comparison.title")} description={t("comparison.chartCaption")} />
        <CardBody className="space-y-4">
          <ScenarioComparisonChart rows={chartRows} stages={stages.map((stage) => ({ key: stage, label: common(`stages.${stage}`) }))} unit={unit} />
          <Table aria-label={t("comparison.title")}>
            <thead>
              <tr>
                <Th>{t("comparison.scenario")}</Th>
                <Th>{t("comparison.footprint")}</Th>
                <Th>{t("comparison.change")}</Th>
                <Th>{t("comparison.relative")}</Th>
                <Th>{t("grade")}</Th>
                <Th>{t("comparison.changes")}</Th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <Td>{t("baseName")}</Td>
                <Td className="tabular-nums">{formatSignificant(basis.result, 4)}</Td>
                <Td>—</Td>
                <Td>—</Td>
                <Td>{gradeText(basis.grade)}</Td>
                <Td>0</Td>
              </tr>
              {scenarios.map((scenario) => (
                <tr key={scenario.id}>
                  <Td>
                    <a className="text-brand-700 hover:underline" href={`#scenario-${scenario.id}`}>
                      {scenario.name}
                    </a>
                  </Td>
                  {scenario.outcome.ok ? (
                    <>
                      <Td className="tabular-nums">{formatSignificant(scenario.outcome.result, 4)}</Td>
                      <Td className="tabular-nums">{signed(scenario.outcome.change)}</Td>
                      <Td className="tabular-nums">{percent(scenario.outcome.relativeChange)}</Td>
                      <Td>{gradeText(scenario.outcome.grade)}</Td>
                    </>
                  ) : (
                    <Td colSpan={4}>{t("comparison.notCalculable")}</Td>
                  )}
                  <Td>{scenario.changes.length}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("create.title")} />
        <CardBody>
          <CreateScenarioForm applicationId={application.id} />
        </CardBody>
      </Card>

      {scenarios.length === 0 ? <EmptyState title={t("empty")} description={t("emptyHint")} /> : null}
      {scenarios.map((scenario) => (
        <ScenarioCard key={scenario.id} scenario={scenario} basis={basis} lineLabel={lineLabel} describe={describe} formLines={formLines} factors={page.factors} mayCreateDraft={page.mayCreateDraft} />
      ))}
    </div>
  );
}

function ScenarioCard({
  scenario,
  basis,
  lineLabel,
  describe,
  formLines,
  factors,
  mayCreateDraft,
}: {
  scenario: ScenarioView;
  basis: Basis;
  lineLabel: Map<string, string>;
  describe: (change: StoredScenarioChange) => string;
  formLines: Parameters<typeof ScenarioChangeForm>[0]["lines"];
  factors: ScenariosPage["factors"];
  mayCreateDraft: boolean;
}) {
  const t = useTranslations("scenarios");
  const common = useTranslations("common");
  const { outcome } = scenario;
  const changedLines = outcome.ok ? outcome.byLine.filter((line) => line.change !== "0" || line.removed) : [];
  return (
    <Card id={`scenario-${scenario.id}`} aria-labelledby={`scenario-${scenario.id}-title`} data-testid="scenario-card">
      <CardHeader
        title={<span id={`scenario-${scenario.id}-title`}>{scenario.name}</span>}
        actions={<ActionButton action={deleteScenarioAction} input={{ scenarioId: scenario.id }} label={t("scenario.delete")} confirm={t("scenario.deleteConfirm")} variant="ghost" size="sm" />}
      />
      <CardBody className="space-y-4">
        {!outcome.ok ? <Alert tone="danger">{t("scenario.failed")}</Alert> : null}
        <section aria-label={t("scenario.changesTitle")} className="space-y-2">
          <h4 className="text-sm font-semibold text-slate-900">{t("scenario.changesTitle")}</h4>
          {scenario.changes.length === 0 ? (
            <p className="text-sm text-slate-600">{t("scenario.noChanges")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {scenario.changes.map((change) => (
                <li key={change.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <span className="font-medium">{lineLabel.get(change.lineId)}</span>: {describe(change)}
                  </span>
                  <ActionButton
                    action={removeScenarioChangeAction}
                    input={{ changeId: change.id }}
                    label={t("scenario.remove")}
                    aria-label={t("scenario.removeNamed", { line: lineLabel.get(change.lineId) ?? "" })}
                    variant="ghost"
                    size="sm"
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <ScenarioChangeForm scenarioId={scenario.id} lines={formLines} factors={factors} />
        {outcome.ok ? (
          <>
            <Table aria-label={t("scenario.byStage")}>
              <caption className="sr-only">{t("scenario.byStage")}</caption>
              <thead>
                <tr>
                  <Th>{t("scenario.stage")}</Th>
                  <Th>{t("scenario.before")}</Th>
                  <Th>{t("scenario.after")}</Th>
                  <Th>{t("scenario.difference")}</Th>
                </tr>
              </thead>
              <tbody>
                {outcome.byStage.map((stage) => (
                  <tr key={stage.stage}>
                    <Td>{common(`stages.${stage.stage}`)}</Td>
                    <Td className="tabular-nums">{formatSignificant(stage.base, 4)}</Td>
                    <Td className="tabular-nums">{formatSignificant(stage.scenario, 4)}</Td>
                    <Td className="tabular-nums">{signed(stage.change)}</Td>
                  </tr>
                ))}
                <tr>
                  <Td className="font-semibold">{t("comparison.footprint")}</Td>
                  <Td className="font-semibold tabular-nums">{formatSignificant(basis.result, 4)}</Td>
                  <Td className="font-semibold tabular-nums">{formatSignificant(outcome.result, 4)}</Td>
                  <Td className="font-semibold tabular-nums">{signed(outcome.change)}</Td>
                </tr>
              </tbody>
            </Table>
            {changedLines.length > 0 ? (
              <Table aria-label={t("scenario.byLine")}>
                <caption className="sr-only">{t("scenario.byLine")}</caption>
                <thead>
                  <tr>
                    <Th>{t("scenario.line")}</Th>
                    <Th>{t("scenario.before")}</Th>
                    <Th>{t("scenario.after")}</Th>
                    <Th>{t("scenario.difference")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {changedLines.map((line) => (
                    <tr key={line.lineId}>
                      <Td>
                        {lineLabel.get(line.lineId)}
                        {line.removed ? <span className="ml-1 text-xs text-slate-600">({t("scenario.removed")})</span> : null}
                      </Td>
                      <Td className="tabular-nums">{formatSignificant(line.base, 4)}</Td>
                      <Td className="tabular-nums">{formatSignificant(line.scenario, 4)}</Td>
                      <Td className="tabular-nums">{signed(line.change)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : null}
            <p className="text-sm text-slate-700">
              {t("grade")}: {outcome.grade ? t("gradeValue", { grade: outcome.grade.grade }) : t("noGrade")}
            </p>
          </>
        ) : null}
        <div className="space-y-1 border-t border-slate-100 pt-3">
          {scenario.convertedApplicationId ? (
            <p className="text-sm text-slate-700">
              {t("scenario.converted")} ·{" "}
              <Link className="text-brand-700 hover:underline" href={`/enterprise/applications/${scenario.convertedApplicationId}`}>
                {t("scenario.openDraft")}
              </Link>
            </p>
          ) : mayCreateDraft && outcome.ok ? (
            <>
              <DraftFromScenarioButton scenarioId={scenario.id} />
              <p className="text-xs text-slate-600">{t("scenario.toDraftHint")}</p>
            </>
          ) : (
            <p className="text-xs text-slate-600">{t("scenario.toDraftBlocked")}</p>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
