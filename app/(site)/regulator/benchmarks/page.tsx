import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/current-user";
import { AREA_ROLES } from "@/lib/policy";
import { listBenchmarks } from "@/lib/dal/benchmarks";
import { BenchmarkForm } from "./benchmark-form";
import { DATE_FORMAT, calendarDate } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("benchmarks");
  return { title: t("title") };
}

export default async function BenchmarksPage() {
  const user = await requirePageUser(AREA_ROLES.regulator, "/regulator/benchmarks");
  const rows = await listBenchmarks(user);
  const t = await getTranslations("benchmarks");
  const locale = await getLocale();
  const format = await getFormatter();
  const zh = locale.startsWith("zh");
  const date = (value: string) => format.dateTime(calendarDate(value), DATE_FORMAT);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("newVersion")} description={t("newVersionHint")} />
          <CardBody>
            <BenchmarkForm
              categories={rows.map(({ category }) => ({
                id: category.id,
                name: zh ? category.nameZh : category.nameEn,
                unit: category.declaredUnit,
              }))}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("current")} />
          <Table>
            <caption className="sr-only">{t("current")}</caption>
            <thead>
              <tr>
                <Th>{t("category")}</Th>
                <Th className="text-right">{t("benchmark")}</Th>
                <Th>{t("thresholds")}</Th>
                <Th>{t("source")}</Th>
                <Th>{t("effectiveFrom")}</Th>
                <Th>{t("history")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ category, versions }) => {
                const current = versions[0];
                return (
                  <tr key={category.id}>
                    <Td>{zh ? category.nameZh : category.nameEn}</Td>
                    <Td className="text-right tabular-nums whitespace-nowrap">
                      {current ? `${format.number(Number(current.value))} kg CO2e / ${category.declaredUnit}` : t("none")}
                    </Td>
                    <Td className="tabular-nums">{current ? current.thresholds.join(" · ") : "—"}</Td>
                    <Td>{current?.source ?? "—"}</Td>
                    <Td className="whitespace-nowrap">{current ? date(current.effectiveFrom) : "—"}</Td>
                    <Td>
                      {versions.length === 0 ? (
                        "—"
                      ) : (
                        <details>
                          <summary className="cursor-pointer text-brand-700">{t("versions", { count: versions.length })}</summary>
                          <ul className="mt-2 space-y-1 text-xs">
                            {versions.map((version) => (
                              <li key={version.id}>
                                v{version.version}: {format.number(Number(version.value))} · {version.thresholds.join(" · ")} ·{" "}
                                {date(version.effectiveFrom)} · {version.source}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </Card>
      </div>
    </>
  );
}
