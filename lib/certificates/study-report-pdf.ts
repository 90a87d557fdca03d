import { PDFDocument } from "pdf-lib";
import { Decimal } from "@/lib/calc/decimal";
import { formatSignificant } from "@/lib/calc/format";
import { gasName } from "@/lib/calc/gwp";
import { EMISSION_CATEGORIES, type EmissionCategory } from "@/lib/enums";
import type enStudyReport from "@/lib/i18n/messages/en/studyReport.json";
import { CJK_FONT_FILES, readFontFile } from "./fonts";
import { pdfFontkit } from "./pdf-fontkit";
import { A4, COLORS, CONTENT_WIDTH, MARGIN, ReportWriter, type TableColumn } from "./report-writer";
import { declaredUnitText, interpolate, type LabelStrings } from "./strings";
import type { StudyReportBasis, StudyReportData, StudyReportLine } from "./study-report-data";

/** The "studyReport" i18n namespace. */
export type StudyReportStrings = typeof enStudyReport;

/** Both languages of every catalog the report prints: Chinese first, English beside or below it. */
export type BilingualStrings = {
  zh: { report: StudyReportStrings; labels: LabelStrings };
  en: { report: StudyReportStrings; labels: LabelStrings };
};

/** Figures in tables: four significant digits (the full-precision total is printed too). */
const REPORT_DIGITS = 4;

export function reportFigure(value: string): string {
  return formatSignificant(value, REPORT_DIGITS);
}

/** A share in [0, 1] (or a relative change) as a percentage with one decimal, sign kept for changes. */
export function reportPercent(value: string, signed = false): string {
  const percent = new Decimal(value).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  const text = `${percent.isZero() ? "0.0" : percent.toFixed(1)} %`;
  return signed && percent.greaterThan(0) ? `+${text}` : text;
}

type Leaf = string;
type Path<T> = { [K in keyof T & string]: T[K] extends Leaf ? K : `${K}.${Path<T[K]>}` }[keyof T & string];

function lookup(catalog: unknown, path: string): string {
  const value = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog);
  if (typeof value !== "string") throw new Error(`missing study report string ${path}`);
  return value;
}

/**
 * Renders the report as an A4 PDF with the Noto Sans SC subset embedded. Deterministic: the same
 * data give the same bytes (the document is dated by `reportDate`, no random identifiers), which
 * is what lets a certificate freeze the report it was issued with.
 */
export async function renderStudyReportPdf(data: StudyReportData, strings: BilingualStrings): Promise<Uint8Array> {
  const zh = strings.zh;
  const en = strings.en;
  const pair = (path: Path<StudyReportStrings>, params: Record<string, string | number> = {}) =>
    [interpolate(lookup(zh.report, path), params), interpolate(lookup(en.report, path), params)] as const;
  // A term spelled the same in both languages (a unit, "GWP100") is printed once.
  const both = (path: Path<StudyReportStrings>, params: Record<string, string | number> = {}, separator = " / ") =>
    [...new Set(pair(path, params))].join(separator);
  const header = (path: Path<StudyReportStrings>) => both(path, {}, "\n");
  const stageName = (stage: keyof LabelStrings["stages"]) => `${zh.labels.stages[stage]} / ${en.labels.stages[stage]}`;
  const categoryName = (category: EmissionCategory) => both(`categories.${category}`);

  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfFontkit);
  const [regularBytes, boldBytes] = await Promise.all([readFontFile(CJK_FONT_FILES.regular), readFontFile(CJK_FONT_FILES.bold)]);
  const fonts = { regular: await doc.embedFont(regularBytes, { subset: true }), bold: await doc.embedFont(boldBytes, { subset: true }) };

  const { product } = data;
  const reportDate = new Date(`${data.reportDate}T00:00:00+08:00`);
  doc.setTitle(`${zh.report.title} ${en.report.title} — ${product.nameEn} ${product.model}`);
  doc.setSubject(`${product.nameZh} / ${product.nameEn}`);
  doc.setAuthor(data.enterprise.name);
  doc.setCreator("CarbonLabel");
  doc.setProducer("CarbonLabel");
  doc.setLanguage("zh-CN");
  doc.setCreationDate(reportDate);
  doc.setModificationDate(reportDate);

  const unitZh = declaredUnitText(product.declaredUnitAmount, product.declaredUnit, zh.labels);
  const unitEn = declaredUnitText(product.declaredUnitAmount, product.declaredUnit, en.labels);
  const lineName = (line: Pick<StudyReportLine, "index" | "description">) => `${line.index}. ${line.description}`;
  const writer = new ReportWriter(doc, fonts, `${zh.report.runningHeader} ${en.report.runningHeader} · ${product.nameEn} ${product.model}`);

  // ------------------------------------------------------------------ cover
  writer.newPage();
  const cover = writer.currentPage;
  cover.drawRectangle({ x: MARGIN, y: A4.height - 250, width: CONTENT_WIDTH, height: 150, color: COLORS.green });
  cover.drawText(zh.report.title, { x: MARGIN + 20, y: A4.height - 150, size: 24, font: fonts.bold, color: COLORS.white });
  cover.drawText(en.report.title, { x: MARGIN + 20, y: A4.height - 176, size: 14, font: fonts.regular, color: COLORS.white });
  cover.drawText(`${zh.report.subtitle}  ${en.report.subtitle}`, { x: MARGIN + 20, y: A4.height - 220, size: 8, font: fonts.regular, color: COLORS.white });
  // The identification block starts below the banner.
  writer.gap(290 - MARGIN);
  writer.fields([
    [both("cover.enterprise"), [data.enterprise.name, data.enterprise.nameEn].filter(Boolean).join(" / ")],
    [both("cover.product"), `${product.nameZh} / ${product.nameEn}`],
    [both("cover.model"), product.model],
    [both("cover.declaredUnit"), `${unitZh} / ${unitEn}`],
    [both("cover.result"), `${reportFigure(data.result.value)} kg CO2e / ${unitEn}`],
    [both("cover.reportDate"), data.reportDate],
  ]);
  writer.gap(8);
  writer.subheading(both("cover.basis"));
  const [basisZh, basisEn] = basisText(data.basis, pair);
  writer.bilingual(basisZh, basisEn);

  // Page 2 stays for the table of contents, written once the sections know their pages.
  writer.newPage();
  const tocPageIndex = writer.pageIndex;
  writer.newPage();

  // ------------------------------------------------------------------ 1 goal and scope
  const section = (number: string, key: Path<StudyReportStrings["sections"]>) => {
    const [title, subtitle] = pair(`sections.${key}` as Path<StudyReportStrings>);
    writer.section(number, title, subtitle);
  };
  section("1", "goal");
  writer.bilingual(
    interpolate(zh.report.goal.text, { product: product.nameZh, model: product.model, enterprise: data.enterprise.name }),
    interpolate(en.report.goal.text, { product: product.nameEn, model: product.model, enterprise: data.enterprise.nameEn ?? data.enterprise.name }),
  );
  writer.fields([
    [both("goal.commissioner"), [data.enterprise.name, data.enterprise.nameEn].filter(Boolean).join(" / ")],
    [both("goal.creditCode"), data.enterprise.creditCode ?? "—"],
    [both("goal.period"), both("goal.periodValue", { start: product.periodStart, end: product.periodEnd })],
    [both("goal.site"), product.site],
    [both("goal.studyType"), both(product.systemBoundary === "cradle_to_gate" ? "goal.partial" : "goal.full")],
    [both("goal.markets"), product.exportMarkets.length ? product.exportMarkets.join(", ") : both("goal.noMarkets")],
    [both("goal.audience"), both("goal.audienceValue")],
  ]);

  // ------------------------------------------------------------------ 2 product and declared unit
  section("2", "product");
  writer.fields([
    [both("product.nameZh"), product.nameZh],
    [both("product.nameEn"), product.nameEn],
    [both("product.model"), product.model],
    [both("product.category"), `${product.categoryNameZh} / ${product.categoryNameEn}`],
    [both("product.hsCode"), product.hsCode],
    [both("product.declaredUnit"), `${unitZh} / ${unitEn}`],
    [both("product.productionVolume"), product.productionVolume],
  ]);
  writer.gap(4);
  writer.bilingual(
    interpolate(zh.report.product.referenceFlow, { volume: product.productionVolume, unit: unitZh }),
    interpolate(en.report.product.referenceFlow, { volume: product.productionVolume, unit: unitEn }),
  );

  // ------------------------------------------------------------------ 3 system boundary
  section("3", "boundary");
  writer.bilingual(
    interpolate(zh.report.boundary.text, { boundary: zh.labels.systemBoundary[product.systemBoundary] }),
    interpolate(en.report.boundary.text, { boundary: en.labels.systemBoundary[product.systemBoundary].toLowerCase() }),
  );
  writer.flow(
    data.stages.map((stage) => ({
      title: zh.labels.stages[stage.stage],
      subtitle: en.labels.stages[stage.stage],
      detail: stage.inBoundary
        ? interpolate(en.report.boundary.included, { lines: stage.lineCount, value: reportFigure(stage.emissions ?? "0") })
        : both("boundary.excluded"),
      included: stage.inBoundary,
    })),
    both("boundary.inside"),
  );
  writer.text(both("boundary.figure"), { size: 8, color: COLORS.muted });
  writer.subheading(both("boundary.cutOff"));
  writer.bilingual(...pair("boundary.cutOffText"));
  const outside = data.stages.filter((stage) => !stage.inBoundary).map((stage) => stageName(stage.stage));
  const empty = data.stages.filter((stage) => stage.inBoundary && stage.lineCount === 0).map((stage) => stageName(stage.stage));
  writer.fields([
    [both("boundary.outside"), outside.length ? outside.join("; ") : both("boundary.none")],
    [both("boundary.empty"), empty.length ? empty.join("; ") : both("boundary.none")],
  ]);

  // ------------------------------------------------------------------ 4 data collection
  section("4", "data");
  writer.bilingual(...pair("data.text"));
  const dataColumns: TableColumn[] = [
    { header: header("data.line"), width: 0.27 },
    { header: header("data.activity"), width: 0.15, align: "right" },
    { header: header("data.dataType"), width: 0.1 },
    { header: header("data.factorSource"), width: 0.33 },
    { header: header("data.factorValue"), width: 0.15, align: "right" },
  ];
  for (const stage of data.stages.filter((candidate) => candidate.lineCount > 0)) {
    writer.subheading(`${stageName(stage.stage)} — ${both("data.stageLines", { count: stage.lineCount })}`);
    writer.table(
      dataColumns,
      data.lines
        .filter((line) => line.stage === stage.stage)
        .map((line) => [
          lineName(line),
          `${line.quantity} ${line.unit}`,
          both(line.dataType === "primary" ? "data.primary" : "data.secondary", {}, "\n"),
          factorDescription(line, pair),
          factorValueText(line),
        ]),
    );
  }
  writer.subheading(both("data.factorsTitle"));
  if (data.factors.length) {
    writer.table(
      [
        { header: header("data.factorKey"), width: 0.34 },
        { header: header("data.database"), width: 0.3 },
        { header: header("data.regionYear"), width: 0.12 },
        { header: header("data.version"), width: 0.08, align: "right" },
        { header: header("data.factorValue"), width: 0.16, align: "right" },
      ],
      data.factors.map((factor) => [
        `${factor.nameZh} / ${factor.nameEn}\n${factor.factorKey}`,
        factor.source,
        `${factor.region}, ${factor.year}`,
        `v${factor.version}`,
        `${factor.value} / ${factor.unit}`,
      ]),
    );
  } else {
    writer.bilingual(...pair("data.noFactors"));
  }

  // ------------------------------------------------------------------ 5 allocation
  section("5", "allocation");
  writer.bilingual(...pair("allocation.text"));
  const allocated = data.lines.filter((line) => !new Decimal(line.allocationShare).equals(1));
  if (allocated.length) {
    writer.table(
      [
        { header: header("data.line"), width: 0.5 },
        { header: header("results.stage"), width: 0.3 },
        { header: header("allocation.share"), width: 0.2, align: "right" },
      ],
      allocated.map((line) => [lineName(line), stageName(line.stage), line.allocationShare]),
    );
  } else {
    writer.bilingual(...pair("allocation.none"));
  }

  // ------------------------------------------------------------------ 6 data quality
  section("6", "quality");
  writer.bilingual(...pair("quality.text"));
  writer.table(
    [
      { header: header("data.line"), width: 0.44 },
      { header: header("data.dataType"), width: 0.16 },
      { header: header("quality.technological"), width: 0.1, align: "right" },
      { header: header("quality.geographical"), width: 0.1, align: "right" },
      { header: header("quality.temporal"), width: 0.1, align: "right" },
      { header: header("quality.mean"), width: 0.1, align: "right" },
    ],
    data.lines.map((line) => [
      lineName(line),
      both(line.dataType === "primary" ? "data.primary" : "data.secondary", {}, "\n"),
      String(line.dqr.technological),
      String(line.dqr.geographical),
      String(line.dqr.temporal),
      meanRating(line),
    ]),
  );
  writer.fields([
    [both("quality.overall"), data.result.dataQuality],
    [both("quality.primaryShare"), reportPercent(data.result.primaryShare)],
  ]);

  // ------------------------------------------------------------------ 7 GWP
  section("7", "gwp");
  writer.bilingual(...pair("gwp.text", { set: data.gwp.set }));
  if (data.gwp.gases.length) {
    writer.table(
      [
        { header: header("gwp.gas"), width: 0.4 },
        { header: header("gwp.value"), width: 0.3, align: "right" },
        { header: header("gwp.category"), width: 0.3 },
      ],
      data.gwp.gases.map((gas) => [bilingualGasName(gas.gas), gas.value, categoryName(gas.emissionCategory)]),
    );
  } else {
    writer.bilingual(...pair("gwp.noGases"));
  }

  // ------------------------------------------------------------------ 8 results
  section("8", "results");
  const headline = reportFigure(data.result.value);
  writer.text(
    `${interpolate(zh.report.results.headline, { value: headline, unit: unitZh })} / ${interpolate(en.report.results.headline, { value: headline, unit: unitEn })}`,
    { size: 13, font: fonts.bold, color: COLORS.green },
  );
  writer.bilingual(...pair("results.fullPrecision", { value: data.result.value, total: data.result.totalPeriod }));
  writer.subheading(both("results.byStage"));
  const inBoundary = data.stages.filter((stage) => stage.inBoundary);
  writer.table(
    [
      { header: header("results.stage"), width: 0.5 },
      { header: header("results.emissions"), width: 0.3, align: "right" },
      { header: header("results.share"), width: 0.2, align: "right" },
    ],
    [
      ...inBoundary.map((stage) => [stageName(stage.stage), reportFigure(stage.emissions ?? "0"), shareOf(stage.emissions ?? "0", data.result.value)]),
      [both("results.total"), reportFigure(data.result.value), "100.0 %"],
    ],
    { boldLastRow: true },
  );
  writer.barChart(
    both("results.stageChart"),
    inBoundary.map((stage) => ({ label: stageName(stage.stage), value: Number(stage.emissions ?? "0"), valueText: reportFigure(stage.emissions ?? "0") })),
  );
  writer.subheading(both("results.hotspots"));
  writer.table(
    [
      { header: header("data.line"), width: 0.46 },
      { header: header("results.stage"), width: 0.24 },
      { header: header("results.emissions"), width: 0.18, align: "right" },
      { header: header("results.share"), width: 0.12, align: "right" },
    ],
    data.hotspots.map((hotspot) => [lineName({ index: hotspot.lineIndex, description: hotspot.description }), stageName(hotspot.stage), reportFigure(hotspot.emissions), reportPercent(hotspot.share)]),
  );
  writer.barChart(
    both("results.hotspotChart"),
    data.hotspots.map((hotspot) => ({ label: lineName({ index: hotspot.lineIndex, description: hotspot.description }), value: Number(hotspot.emissions), valueText: reportFigure(hotspot.emissions) })),
  );
  writer.subheading(both("results.categories"));
  writer.table(
    [
      { header: header("results.category"), width: 0.5 },
      { header: header("results.emissions"), width: 0.3, align: "right" },
      { header: header("results.share"), width: 0.2, align: "right" },
    ],
    [
      ...EMISSION_CATEGORIES.map((category) => [categoryName(category), reportFigure(data.result.byCategory[category]), shareOf(data.result.byCategory[category], data.result.value)]),
      [both("results.total"), reportFigure(data.result.value), "100.0 %"],
    ],
    { boldLastRow: true },
  );
  const hasRemovals = !new Decimal(data.result.biogenicRemovals).isZero();
  writer.bilingual(...(hasRemovals ? pair("results.removals", { value: reportFigure(data.result.biogenicRemovals) }) : pair("results.noRemovals")));

  // ------------------------------------------------------------------ 9 sensitivity
  section("9", "sensitivity");
  writer.bilingual(...pair("sensitivity.text"));
  if (data.sensitivity.length) {
    writer.table(
      [
        { header: header("data.line"), width: 0.4 },
        { header: header("sensitivity.variation"), width: 0.15, align: "right" },
        { header: header("sensitivity.result"), width: 0.25, align: "right" },
        { header: header("sensitivity.change"), width: 0.2, align: "right" },
      ],
      data.sensitivity.map((item) => [
        lineName({ index: item.lineIndex, description: item.description }),
        reportPercent(item.variation, true),
        reportFigure(item.result),
        reportPercent(item.change, true),
      ]),
    );
    const strongest = data.sensitivity.reduce((best, item) => (new Decimal(item.change).abs().greaterThan(new Decimal(best.change).abs()) ? item : best));
    writer.bilingual(...pair("sensitivity.conclusion", { change: reportPercent(new Decimal(strongest.change).abs().toString()), line: strongest.description }));
  } else {
    writer.bilingual(...pair("sensitivity.none"));
  }

  // ------------------------------------------------------------------ 10 limitations
  section("10", "limitations");
  writer.bullet(...pair(product.systemBoundary === "cradle_to_gate" ? "limitations.partial" : "limitations.full"));
  const secondaryShare = new Decimal(1).minus(new Decimal(data.result.primaryShare));
  if (secondaryShare.greaterThan(0)) writer.bullet(...pair("limitations.secondary", { share: reportPercent(secondaryShare.toString()) }));
  const lowQuality = data.lines.filter((line) => new Decimal(meanRating(line)).greaterThan(3)).length;
  if (lowQuality > 0) writer.bullet(...pair("limitations.lowQuality", { count: lowQuality }));
  if (data.factors.length) writer.bullet(...pair("limitations.factorYear"));
  if (hasRemovals) writer.bullet(...pair("limitations.removals"));
  writer.bullet(...pair("limitations.scope"));

  // ------------------------------------------------------------------ 11 verification
  section("11", "verification");
  const verification = data.verification;
  if (verification) {
    writer.fields([
      [both("verification.body"), [verification.bodyName, verification.bodyNameEn].filter(Boolean).join(" / ")],
      [both("verification.accreditation"), verification.accreditationNo ?? "—"],
      [both("verification.leadVerifier"), verification.leadVerifier],
      [both("verification.reviewer"), verification.reviewer],
      [both("verification.certificate"), verification.certificateNumber],
      [both("verification.validity"), both("verification.validityValue", { issuedOn: verification.issuedOn, expiresOn: verification.expiresOn })],
      [both("verification.publicUrl"), verification.publicUrl],
    ]);
    writer.subheading(both("verification.statement"));
    writer.text(verification.statement);
  } else {
    writer.bilingual(
      interpolate(zh.report.verification.notVerified, { basis: basisZh }),
      interpolate(en.report.verification.notVerified, { basis: basisEn }),
    );
  }

  writer.finish(
    (page, total) => `${interpolate(zh.report.footer, { page, total })} · ${interpolate(en.report.footer, { page, total })}`,
    { cover: true, contents: { pageIndex: tocPageIndex, title: `${zh.report.toc} / ${en.report.toc}` } },
  );
  return doc.save();
}

function basisText(
  basis: StudyReportBasis,
  pair: (path: Path<StudyReportStrings>, params?: Record<string, string | number>) => readonly [string, string],
): [string, string] {
  if (basis.kind === "calculation") return [...pair("cover.basisCalculation", { date: basis.calculatedOn })];
  if (basis.kind === "submission") return [...pair("cover.basisSubmission", { round: basis.round, date: basis.submittedOn })];
  return [...pair("cover.basisCertificate", { number: basis.number })];
}

function factorDescription(
  line: StudyReportLine,
  pair: (path: Path<StudyReportStrings>, params?: Record<string, string | number>) => readonly [string, string],
): string {
  if (line.factor) return `${line.factor.nameZh} / ${line.factor.nameEn}\n${line.factor.source}, ${line.factor.region} ${line.factor.year}, v${line.factor.version}`;
  if (line.supplierFactor) {
    const supplier = line.supplierFactor.supplierName;
    return (supplier ? pair("data.supplier", { supplier }) : pair("data.unnamedSupplier")).join("\n");
  }
  if (line.gas) {
    const { name, gwp } = line.gas;
    return [pair("data.gas", { gas: gasName(name, false), gwp })[0], pair("data.gas", { gas: gasName(name, true), gwp })[1]].join("\n");
  }
  return "—";
}

/** "甲烷（化石源） / Methane (fossil)", with the code the inventory file uses ("CH4_fossil"), never the code alone. */
function bilingualGasName(gas: string): string {
  const names = [...new Set([gasName(gas, false), gasName(gas, true)])].join(" / ");
  return names === gas ? gas : `${names}\n${gas}`;
}

function factorValueText(line: StudyReportLine): string {
  if (line.factor) return `${line.factor.value} / ${line.factor.unit}`;
  if (line.supplierFactor) return `${line.supplierFactor.value} / ${line.supplierFactor.unit}`;
  if (line.gas) return `${line.gas.gwp} / kg`;
  return "—";
}

function meanRating(line: StudyReportLine): string {
  const { technological, geographical, temporal } = line.dqr;
  return new Decimal(technological + geographical + temporal).dividedBy(3).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

function shareOf(part: string, total: string): string {
  const totalValue = new Decimal(total);
  return totalValue.isZero() ? "—" : reportPercent(new Decimal(part).dividedBy(totalValue).toString());
}
