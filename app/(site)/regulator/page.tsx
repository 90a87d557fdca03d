import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import { getRegulatorDashboard } from "@/lib/dal/regulator-overview";
import { DISTRICTS, regionName } from "@/lib/regions";
import { parseDashboardFilters } from "@/lib/validation/schemas/regulator";
import { DashboardBarChart } from "./bar-chart";
import { DashboardFiltersForm } from "./dashboard-filters";
import { dashboardQueryString } from "./dashboard-query";
import { TargetForm } from "./target-form";
import { DATE_FORMAT, calendarDate } from "@/lib/i18n/date-format";
import { organizationName } from "@/lib/i18n/names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("regulator");
  return { title: t("dashboardTitle") };
}

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      {children}
    </Card>
  );
}

export default async function RegulatorDashboard({ searchParams }: PageProps) {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator");
  const filters = parseDashboardFilters(await searchParams);
  const { overview, targets, categories } = await getRegulatorDashboard(user, filters);
  const t = await getTranslations("regulator");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const format = await getFormatter();
  const zh = locale.startsWith("zh");
  const categoryName = (id: string | null) => {
    if (!id) return t("allCategories");
    const category = categories.find((c) => c.id === id);
    return category ? (zh ? category.nameZh : category.nameEn) : id;
  };
  const number = (value: number | string | null, digits = 0) =>
    value === null ? "—" : format.number(Number(value), { maximumFractionDigits: digits });
  const gradeLevels = [...new Set(overview.grades.map((row) => row.grade))].sort((a, b) => (a ?? 99) - (b ?? 99));
  const gradeCategories = [...new Set(overview.grades.map((row) => row.categoryId))];
  const categoryOptions = categories.map((c) => ({ id: c.id, name: zh ? c.nameZh : c.nameEn }));
  const tiles = [
    { label: t("enterprises"), value: overview.enterprises },
    { label: t("products"), value: overview.products },
    { label: t("certificatesValid"), value: overview.certificates.valid },
    { label: t("certificatesSuspended"), value: overview.certificates.suspended },
    { label: t("certificatesWithdrawn"), value: overview.certificates.withdrawn },
    { label: t("certificatesExpired"), value: overview.certificates.expired },
  ];

  return (
    <>
      <PageHeader
        title={t("dashboardTitle")}
        description={`${organizationName(user, locale)} · ${regionName(user.region, locale)}`}
        actions={
          <a className={buttonVariants({ variant: "secondary" })} href={`/regulator/export${dashboardQueryString(filters)}`} download>
            {t("exportCsv")}
          </a>
        }
      />
      <DashboardFiltersForm
        filters={filters}
        categories={categoryOptions}
        districts={(DISTRICTS[user.region] ?? []).map((d) => ({ code: d.code, name: zh ? d.nameZh : d.nameEn }))}
      />

      <div className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {tiles.map((tile) => (
          <Card key={tile.label}>
            <CardBody>
              <p className="text-sm text-slate-600">{tile.label}</p>
              <p className="mt-1 text-2xl font-semibold tabular-nums">{number(tile.value)}</p>
            </CardBody>
          </Card>
        ))}
      </div>

      <div className="mt-6">
        <Section title={t("supplierData.title")} description={t("supplierData.definition")}>
          <CardBody>
            <dl className="grid gap-4 sm:grid-cols-3" data-testid="supplier-data-kpi">
              <div>
                <dt className="text-sm text-slate-600">{t("supplierData.meanShare")}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums">
                  {format.number(Number(overview.supplierData.meanShare), { style: "percent", maximumFractionDigits: 1 })}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t("supplierData.resting")}</dt>
                <dd className="mt-1 text-2xl font-semibold tabular-nums">
                  {t("supplierData.restingValue", { resting: number(overview.supplierData.resting), certificates: number(overview.supplierData.certificates) })}
                </dd>
              </div>
            </dl>
          </CardBody>
        </Section>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Section title={t("applicationsByStage")} description={t("funnelHint")}>
          <CardBody>
            <DashboardBarChart data={overview.funnel.map((row) => ({ label: common(`applicationStatus.${row.status}`), value: row.count }))} unit={t("chartUnits.applications")} />
          </CardBody>
          <Table>
            <caption className="sr-only">{t("applicationsByStage")}</caption>
            <thead>
              <tr>
                <Th>{common("status")}</Th>
                <Th className="text-right">{t("count")}</Th>
              </tr>
            </thead>
            <tbody>
              {overview.funnel.map((row) => (
                <tr key={row.status}>
                  <Td>{common(`applicationStatus.${row.status}`)}</Td>
                  <Td className="text-right tabular-nums">{number(row.count)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>

        <Section title={t("labelsPerMonth")}>
          {overview.labelsPerMonth.length === 0 ? (
            <CardBody>
              <EmptyState title={t("noData")} />
            </CardBody>
          ) : (
            <>
              <CardBody>
                <DashboardBarChart data={overview.labelsPerMonth.map((row) => ({ label: row.month, value: row.count }))} unit={t("chartUnits.labels")} />
              </CardBody>
              <div className="max-h-72 overflow-y-auto">
                <Table>
                  <caption className="sr-only">{t("labelsPerMonth")}</caption>
                  <thead>
                    <tr>
                      <Th>{t("month")}</Th>
                      <Th className="text-right">{t("labelsIssued")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.labelsPerMonth.map((row) => (
                      <tr key={row.month}>
                        <Td>{row.month}</Td>
                        <Td className="text-right tabular-nums">{number(row.count)}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            </>
          )}
        </Section>

        <Section title={t("daysPerStage")} description={t("daysPerStageHint")}>
          <Table>
            <caption className="sr-only">{t("daysPerStage")}</caption>
            <thead>
              <tr>
                <Th>{t("stage")}</Th>
                <Th className="text-right">{t("transitions")}</Th>
                <Th className="text-right">{t("medianDays")}</Th>
                <Th className="text-right">{t("p90Days")}</Th>
              </tr>
            </thead>
            <tbody>
              {overview.stageDurations.length === 0 ? (
                <tr>
                  <Td colSpan={4}>{t("noData")}</Td>
                </tr>
              ) : (
                overview.stageDurations.map((row) => (
                  <tr key={row.stage}>
                    <Td>{common(`applicationStatus.${row.stage}`)}</Td>
                    <Td className="text-right tabular-nums">{number(row.transitions)}</Td>
                    <Td className="text-right tabular-nums">{number(row.medianDays, 1)}</Td>
                    <Td className="text-right tabular-nums">{number(row.p90Days, 1)}</Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Section>

      </div>

      <div className="mt-6 space-y-6">
        <Section title={t("gradesPerCategory")}>
          <Table>
            <caption className="sr-only">{t("gradesPerCategory")}</caption>
            <thead>
              <tr>
                <Th>{t("category")}</Th>
                {gradeLevels.map((grade) => (
                  <Th key={grade ?? "none"} className="text-right">
                    {grade === null ? t("noGrade") : t("level", { level: grade })}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {gradeCategories.length === 0 ? (
                <tr>
                  <Td>{t("noData")}</Td>
                </tr>
              ) : (
                gradeCategories.map((categoryId) => (
                  <tr key={categoryId}>
                    <Td>{categoryName(categoryId)}</Td>
                    {gradeLevels.map((grade) => (
                      <Td key={grade ?? "none"} className="text-right tabular-nums">
                        {number(overview.grades.find((row) => row.categoryId === categoryId && row.grade === grade)?.count ?? 0)}
                      </Td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Section>

        <Section title={t("footprintsPerCategory")} description={t("footprintsHint")}>
          <Table>
            <caption className="sr-only">{t("footprintsPerCategory")}</caption>
            <thead>
              <tr>
                <Th>{t("category")}</Th>
                <Th className="text-right">{t("certificates")}</Th>
                <Th className="text-right">P10</Th>
                <Th className="text-right">{t("median")}</Th>
                <Th className="text-right">P90</Th>
                <Th className="text-right">{t("benchmark")}</Th>
                <Th className="text-right">{t("atOrBelowBenchmark")}</Th>
              </tr>
            </thead>
            <tbody>
              {overview.footprints.length === 0 ? (
                <tr>
                  <Td colSpan={7}>{t("noData")}</Td>
                </tr>
              ) : (
                overview.footprints.map((row) => (
                  <tr key={row.categoryId}>
                    <Td>{categoryName(row.categoryId)}</Td>
                    <Td className="text-right tabular-nums">{number(row.certificates)}</Td>
                    <Td className="text-right tabular-nums">{number(row.p10, 1)}</Td>
                    <Td className="text-right tabular-nums">{number(row.median, 1)}</Td>
                    <Td className="text-right tabular-nums">{number(row.p90, 1)}</Td>
                    <Td className="text-right tabular-nums">{number(row.benchmark, 1)}</Td>
                    <Td className="text-right tabular-nums">
                      {format.number(row.atOrBelowBenchmark / row.certificates, { style: "percent", maximumFractionDigits: 0 })}
                    </Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Section>

        <Section title={t("stageMedians")} description={t("stageMediansHint")}>
          <Table>
            <caption className="sr-only">{t("stageMedians")}</caption>
            <thead>
              <tr>
                <Th>{t("category")}</Th>
                {LIFE_CYCLE_STAGES.map((stage) => (
                  <Th key={stage} className="text-right">
                    {common(`stages.${stage}`)}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.stageMedians.length === 0 ? (
                <tr>
                  <Td colSpan={LIFE_CYCLE_STAGES.length + 1}>{t("noData")}</Td>
                </tr>
              ) : (
                overview.stageMedians.map((row) => (
                  <tr key={row.categoryId}>
                    <Td>{categoryName(row.categoryId)}</Td>
                    {LIFE_CYCLE_STAGES.map((stage) => {
                      const cell = row.stages[stage];
                      return (
                        <Td key={stage} className="text-right tabular-nums">
                          {cell ? (
                            <>
                              {number(cell.median, 1)}
                              <span className="block text-xs text-slate-600">{t("stageMedianCount", { count: cell.certificates })}</span>
                            </>
                          ) : (
                            "—"
                          )}
                        </Td>
                      );
                    })}
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Section>

        <Section title={t("bodiesActivity")} description={t("bodiesHint")}>
          <Table>
            <caption className="sr-only">{t("bodiesActivity")}</caption>
            <thead>
              <tr>
                <Th>{t("body")}</Th>
                <Th className="text-right">{t("applications")}</Th>
                <Th className="text-right">{t("certificates")}</Th>
              </tr>
            </thead>
            <tbody>
              {overview.bodies.map((row) => (
                <tr key={row.id}>
                  <Td>{zh ? row.name : (row.nameEn ?? row.name)}</Td>
                  <Td className="text-right tabular-nums">{number(row.applications)}</Td>
                  <Td className="text-right tabular-nums">{number(row.certificates)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>

        <Section title={t("targets")} description={t("targetsHint")}>
          <Table>
            <caption className="sr-only">{t("targets")}</caption>
            <thead>
              <tr>
                <Th>{t("targetTitle")}</Th>
                <Th>{t("category")}</Th>
                <Th>{t("metric")}</Th>
                <Th className="text-right">{t("progress")}</Th>
                <Th>{t("deadline")}</Th>
              </tr>
            </thead>
            <tbody>
              {targets.length === 0 ? (
                <tr>
                  <Td colSpan={5}>{t("noTargets")}</Td>
                </tr>
              ) : (
                targets.map((target) => (
                  <tr key={target.id}>
                    <Td>{target.title}</Td>
                    <Td>{categoryName(target.categoryId)}</Td>
                    <Td>{t(`metrics.${target.metric}`)}</Td>
                    <Td className="text-right tabular-nums">
                      {t("progressValue", {
                        achieved: number(target.achieved),
                        target: number(target.targetCount),
                        percent: format.number(Math.min(target.achieved / target.targetCount, 1), { style: "percent" }),
                      })}
                    </Td>
                    <Td>{format.dateTime(calendarDate(target.deadline), DATE_FORMAT)}</Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
          <CardBody className="border-t border-slate-200">
            <TargetForm categories={categoryOptions} />
          </CardBody>
        </Section>
      </div>
    </>
  );
}
