import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatSignificant } from "@/lib/calc/format";
import { LABEL_MIN_PRINT_WIDTH_MM, LABEL_SIGNIFICANT_DIGITS, QR_QUIET_ZONE_MODULES } from "@/lib/certificates/label-svg";
import type { PublicCertificatePage } from "@/lib/dal/public-certificates";
import { labelDownloadPath, type TimelineEntry } from "@/lib/rules/public-certificate";
import { cn } from "@/lib/utils";

/** A translator bound to the `labels` namespace, from the page. */
export type LabelsT = (key: string, values?: Record<string, string | number>) => string;

type SectionProps = { certificate: PublicCertificatePage; t: LabelsT; en: boolean; date: (value: string) => string; unit: string };

/** Level 1 (best) to 5, each dark enough for white text (contrast ≥ 5.3 : 1). */
const GRADE_COLOURS = ["bg-[#1b7a3e]", "bg-[#3b7520]", "bg-[#5c6c10]", "bg-[#8a5a00]", "bg-[#b03a14]"];

function Facts({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="ui-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LabelSection({ certificate, t, en }: SectionProps) {
  const locale = en ? "en" : "zh-CN";
  const links = (["zh-CN", "en"] as const).map((language) => ({
    language,
    name: t("public.labelLanguage", { language: t(language === "en" ? "public.languageEn" : "public.languageZh") }),
  }));
  return (
    <Card>
      <CardHeader title={t("public.sections.label")} />
      <CardBody className="space-y-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG served by the label route, already sized */}
        <img
          src={labelDownloadPath(certificate.number, "svg", locale)}
          width={600}
          height={360}
          alt={t("public.labelAlt", { number: certificate.number })}
          className="h-auto w-full max-w-[600px]"
          decoding="async"
        />
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("public.downloadLabel")}</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {links.map(({ language, name }) => (
              <li key={language} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <span className="text-slate-700">{name}:</span>
                <a className="font-medium text-brand-700 underline" href={labelDownloadPath(certificate.number, "svg", language)} download>
                  {t("public.downloadSvg")}
                </a>
                <a className="font-medium text-brand-700 underline" href={labelDownloadPath(certificate.number, "png", language)} download>
                  {t("public.downloadPng")}
                </a>
                <a className="font-medium text-brand-700 underline" href={labelDownloadPath(certificate.number, "pdf", language)} download>
                  {t("public.downloadPdf")}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600">{t("public.printNote", { width: LABEL_MIN_PRINT_WIDTH_MM, modules: QR_QUIET_ZONE_MODULES })}</p>
        </div>
      </CardBody>
    </Card>
  );
}

export function HolderSection({ certificate, t, en }: SectionProps) {
  const { holder } = certificate;
  const place = (region: { nameZh: string; nameEn: string } | null) => (region ? (en ? region.nameEn : region.nameZh) : t("public.none"));
  return (
    <Card>
      <CardHeader title={t("public.sections.holder")} />
      <CardBody>
        <Facts
          rows={[
            [t("public.enterprise"), (en && holder.nameEn) || holder.name],
            [t("public.creditCode"), <span key="code" className="font-mono">{holder.unifiedSocialCreditCode ?? t("public.none")}</span>],
            [t("public.region"), place(holder.region)],
            [t("public.district"), place(holder.district)],
          ]}
        />
      </CardBody>
    </Card>
  );
}

export function ScopeSection({ certificate, t, en, date, unit }: SectionProps) {
  const { scope } = certificate;
  return (
    <Card>
      <CardHeader title={t("public.sections.scope")} />
      <CardBody>
        <Facts
          rows={[
            [t("public.product"), en ? scope.product.nameEn : scope.product.name],
            [t("public.model"), scope.model],
            [t("public.category"), en ? scope.category.nameEn : scope.category.name],
            [t("public.declaredUnit"), unit],
            [t("public.boundary"), t(`systemBoundary.${scope.systemBoundary}`)],
            [t("public.referencePeriod"), t("public.periodRange", { start: date(scope.referencePeriod.start), end: date(scope.referencePeriod.end) })],
            [t("public.productionSite"), scope.productionSite],
            [t("public.standard"), t("public.standardName")],
            [t("public.scheme"), t("public.schemeName")],
          ]}
        />
      </CardBody>
    </Card>
  );
}

export function ResultSection({ certificate, t, unit }: SectionProps) {
  const { result } = certificate;
  const widest = Math.max(...result.stages.map((stage) => Math.abs(Number(stage.value))), Number.MIN_VALUE);
  const origin: Array<[string, string]> = [
    [t("public.fossil"), result.origin.fossil],
    [t("public.biogenic"), result.origin.biogenic],
    [t("public.landUseChange"), result.origin.landUseChange],
    [t("public.biogenicRemovals"), result.origin.biogenicRemovals],
  ];
  return (
    <Card>
      <CardHeader title={t("public.sections.result")} />
      <CardBody className="space-y-5">
        <p className="text-4xl font-semibold tabular-nums text-brand-800">
          {formatSignificant(result.value, LABEL_SIGNIFICANT_DIGITS)}{" "}
          <span className="text-lg font-normal text-slate-700">{t("public.perUnit", { unit })}</span>
        </p>
        <figure>
          <figcaption className="text-sm font-semibold text-slate-900">{t("public.stageChartTitle")}</figcaption>
          {/* The bars repeat the table below for sighted readers; the table is the accessible form. */}
          <div aria-hidden="true" className="mt-2 space-y-1.5">
            {result.stages.map((stage) => (
              <div key={stage.stage} className="grid grid-cols-[7rem_1fr] items-center gap-2 text-xs sm:grid-cols-[10rem_1fr]">
                <span className="truncate text-slate-700">{t(`stages.${stage.stage}`)}</span>
                <span className="block h-3 rounded bg-slate-100">
                  <span
                    className="block h-3 rounded bg-brand-600"
                    style={{ width: `${Math.max(1, (Math.abs(Number(stage.value)) / widest) * 100).toFixed(1)}%` }}
                  />
                </span>
              </div>
            ))}
          </div>
          <Table className="mt-3">
            <thead>
              <tr>
                <Th>{t("public.stage")}</Th>
                <Th className="text-right">{t("public.emissions")}</Th>
                <Th className="text-right">{t("public.share")}</Th>
              </tr>
            </thead>
            <tbody>
              {result.stages.map((stage) => (
                <tr key={stage.stage}>
                  <Td>{t(`stages.${stage.stage}`)}</Td>
                  <Td className="text-right tabular-nums">{formatSignificant(stage.value, 4)}</Td>
                  <Td className="text-right tabular-nums">{stage.sharePercent === null ? t("public.none") : `${stage.sharePercent} %`}</Td>
                </tr>
              ))}
              <tr>
                <Td className="font-semibold">{t("public.total")}</Td>
                <Td className="text-right font-semibold tabular-nums">{formatSignificant(result.value, 4)}</Td>
                <Td className="text-right tabular-nums">100 %</Td>
              </tr>
            </tbody>
          </Table>
        </figure>
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("public.origin")}</h3>
          <div className="mt-2">
            <Facts rows={origin.map(([name, value]) => [name, <span key={name} className="tabular-nums">{formatSignificant(value, 4)} kg CO2e</span>])} />
          </div>
        </div>
      </CardBody>
    </Card>
  );
}

export function GradeSection({ certificate, t, date, unit }: SectionProps) {
  const { grade } = certificate;
  if (!grade) {
    return (
      <Card>
        <CardHeader title={t("public.sections.grade")} />
        <CardBody>
          <p className="text-slate-800">{t("public.noGradeText")}</p>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader title={t("public.sections.grade")} description={t("public.gradeScale", { levels: grade.levels })} />
      <CardBody className="space-y-4">
        {grade.level !== null ? <p className="text-2xl font-semibold text-slate-900">{t("public.gradeIs", { grade: grade.level })}</p> : null}
        <ol className="grid gap-1.5 sm:grid-cols-5" aria-label={t("public.gradeScale", { levels: grade.levels })}>
          {grade.bands.map((band) => {
            const mine = band.level === grade.level;
            return (
              <li
                key={band.level}
                aria-current={mine ? "true" : undefined}
                className={cn(
                  "rounded-md px-3 py-2 text-white",
                  GRADE_COLOURS[Math.min(band.level, GRADE_COLOURS.length) - 1],
                  mine && "ring-4 ring-slate-900 ring-offset-2",
                )}
              >
                <span className="block font-semibold">
                  {t("public.levelName", { level: band.level })}
                  {band.level === grade.best ? ` · ${t("public.bestLevel")}` : ""}
                  {mine ? ` · ${t("public.thisProduct")}` : ""}
                </span>
                <span className="block text-xs">
                  {band.upTo === null
                    ? t("public.bandAbove", { ratio: grade.bands[grade.bands.length - 2]?.upTo ?? "1" })
                    : t("public.bandUpTo", { ratio: band.upTo })}
                </span>
              </li>
            );
          })}
        </ol>
        <p className="text-sm text-slate-700">{t("public.gradeMeaning")}</p>
        <Facts
          rows={[
            [
              t("public.benchmarkValue"),
              t("public.benchmarkValueText", {
                value: formatSignificant(grade.benchmark.value, 4),
                unit,
                version: grade.benchmark.version,
                effectiveFrom: date(grade.benchmark.effectiveFrom),
              }),
            ],
            [t("public.ratio"), grade.ratio === null ? t("public.none") : formatSignificant(grade.ratio, 3)],
            [t("public.benchmarkSource"), grade.benchmark.source],
          ]}
        />
      </CardBody>
    </Card>
  );
}

export function BodySection({ certificate, t, en }: SectionProps) {
  const body = certificate.verificationBody;
  return (
    <Card>
      <CardHeader title={t("public.sections.body")} />
      <CardBody>
        <Facts
          rows={[
            [t("public.verificationBody"), (en && body.nameEn) || body.name],
            [t("public.accreditation"), body.accreditationNo ?? t("public.none")],
            [t("public.snapshotDigest"), <span key="sha" className="font-mono text-xs break-all">{certificate.snapshotSha256}</span>],
          ]}
        />
      </CardBody>
    </Card>
  );
}

function timelineText(entry: TimelineEntry, t: LabelsT): string {
  return t(`public.timeline.${entry.kind}`, { number: entry.certificateNumber ?? "" });
}

export function HistorySection({ certificate, t, date }: SectionProps) {
  return (
    <Card>
      <CardHeader title={t("public.sections.history")} />
      <CardBody>
        <ol className="relative space-y-4 border-l-2 border-slate-200 pl-5">
          {certificate.timeline.map((entry, index) => (
            <li key={`${entry.kind}-${index}`} className="relative">
              <span aria-hidden="true" className="absolute -left-[1.72rem] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
              <p className="text-sm text-slate-600">
                <time dateTime={entry.date}>{date(entry.date)}</time>
              </p>
              <p className="font-medium text-slate-900">{timelineText(entry, t)}</p>
              {entry.reason ? <p className="text-sm text-slate-700">{t("public.timelineReason", { reason: entry.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
