import { PDFDocument } from "pdf-lib";
import { formatSignificant } from "@/lib/calc/format";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import type enBatteryDeclaration from "@/lib/i18n/messages/en/batteryDeclaration.json";
import type { BatteryDeclarationDocument } from "./battery-declaration-data";
import { CJK_FONT_FILES, readFontFile } from "./fonts";
import { pdfFontkit } from "./pdf-fontkit";
import { COLORS, ReportWriter } from "./report-writer";
import { interpolate, type LabelStrings } from "./strings";

/** The "batteryDeclaration" i18n namespace. */
export type BatteryDeclarationStrings = typeof enBatteryDeclaration;

export type BilingualDeclarationStrings = {
  zh: { declaration: BatteryDeclarationStrings; labels: LabelStrings };
  en: { declaration: BatteryDeclarationStrings; labels: LabelStrings };
};

/** Declared figures: four significant digits (the JSON carries twelve). */
export function declarationFigure(value: number): string {
  return formatSignificant(String(value), 4);
}

function declarationPercent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}

type Strings = BatteryDeclarationStrings["pdf"];

/**
 * The bilingual declaration PDF, drawn from the declaration document alone (so it says exactly
 * what the JSON says), dated by the declaration date and therefore reproducible.
 */
export async function renderBatteryDeclarationPdf(document: BatteryDeclarationDocument, strings: BilingualDeclarationStrings): Promise<Uint8Array> {
  const zh = strings.zh.declaration;
  const en = strings.en.declaration;
  const both = (key: keyof Strings, params: Record<string, string | number> = {}) => {
    const texts = [interpolate(zh.pdf[key] as string, params), interpolate(en.pdf[key] as string, params)];
    return [...new Set(texts)].join(" / ");
  };
  const header = (key: keyof Strings) => [...new Set([zh.pdf[key] as string, en.pdf[key] as string])].join("\n");
  const stageName = (stage: (typeof LIFE_CYCLE_STAGES)[number]) => `${strings.zh.labels.stages[stage]} / ${strings.en.labels.stages[stage]}`;
  const annexName = (stage: keyof BatteryDeclarationStrings["stages"]) => `${zh.stages[stage]} / ${en.stages[stage]}`;
  const { carbonFootprint: footprint, declaration } = document;

  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfFontkit);
  const [regularBytes, boldBytes] = await Promise.all([readFontFile(CJK_FONT_FILES.regular), readFontFile(CJK_FONT_FILES.bold)]);
  const fonts = { regular: await doc.embedFont(regularBytes, { subset: true }), bold: await doc.embedFont(boldBytes, { subset: true }) };
  const date = new Date(`${declaration.declaredOn}T00:00:00+08:00`);
  doc.setTitle(`${zh.pdf.title} ${en.pdf.title} — ${declaration.batteryModel}`);
  doc.setSubject(`${declaration.product.nameZh} / ${declaration.product.nameEn}`);
  doc.setAuthor(declaration.manufacturer.name);
  doc.setCreator("CarbonLabel");
  doc.setProducer("CarbonLabel");
  doc.setLanguage("zh-CN");
  doc.setCreationDate(date);
  doc.setModificationDate(date);

  const writer = new ReportWriter(doc, fonts, `${zh.pdf.runningHeader} ${en.pdf.runningHeader} · ${declaration.batteryModel}`);
  writer.newPage();
  writer.text(zh.pdf.title, { size: 20, font: fonts.bold, color: COLORS.green });
  writer.text(en.pdf.title, { size: 13, color: COLORS.green });
  writer.text(`${zh.pdf.subtitle} / ${en.pdf.subtitle}`, { size: 8.5, color: COLORS.muted });
  writer.gap(6);
  writer.fields([[both("declaredOn"), declaration.declaredOn]]);

  const section = (number: string, key: keyof Strings["sections"]) => writer.section(number, zh.pdf.sections[key], en.pdf.sections[key]);

  section("1", "battery");
  const serviceLife = declaration.expectedServiceLife;
  writer.fields([
    [both("manufacturer"), [declaration.manufacturer.name, declaration.manufacturer.nameEn].filter(Boolean).join(" / ")],
    [both("creditCode"), declaration.manufacturer.creditCode ?? "—"],
    [both("product"), `${declaration.product.nameZh} / ${declaration.product.nameEn} (${declaration.product.model})`],
    [both("batteryModel"), declaration.batteryModel],
    [both("category"), `${zh.form.categories[declaration.batteryCategory]} / ${en.form.categories[declaration.batteryCategory]}`],
    [both("plantName"), declaration.manufacturingPlant.name],
    [both("plantAddress"), declaration.manufacturingPlant.address],
    [both("coordinates"), `${declaration.manufacturingPlant.latitude}, ${declaration.manufacturingPlant.longitude} (WGS 84)`],
    [both("ratedEnergy"), `${declaration.ratedEnergyKwh} kWh`],
    [both("doc"), declaration.euDeclarationOfConformityId],
  ]);

  section("2", "functionalUnit");
  writer.bilingual(zh.pdf.functionalUnitText, en.pdf.functionalUnitText);
  writer.fields([
    [both("basis"), `${zh.form.bases[serviceLife.basis]} / ${en.form.bases[serviceLife.basis]}`],
    ...(serviceLife.basis === "cycles"
      ? [[both("cycles"), String(serviceLife.fullEquivalentCycles)] as const]
      : [[both("years"), String(serviceLife.years)] as const, [both("annual"), `${serviceLife.annualEnergyThroughputKwh} kWh`] as const]),
    [both("totalEnergy"), `${serviceLife.totalEnergyKwh} kWh`],
    [both("sourceFootprint"), `${declarationFigure(declaration.sourceFootprint.perDeclaredUnit)} kg CO2e / ${declaration.sourceFootprint.declaredUnit}`],
    [both("perBattery"), String(declaration.sourceFootprint.declaredUnitsPerBattery)],
  ]);

  section("3", "footprint");
  writer.text(
    `${interpolate(zh.pdf.perKwh, { value: declarationFigure(footprint.batteryCarbonFootprint) })} / ${interpolate(en.pdf.perKwh, { value: declarationFigure(footprint.batteryCarbonFootprint) })}`,
    { size: 15, font: fonts.bold, color: COLORS.green },
  );
  writer.bilingual(
    interpolate(zh.pdf.absolute, { value: declarationFigure(footprint.absoluteCarbonFootprint) }),
    interpolate(en.pdf.absolute, { value: declarationFigure(footprint.absoluteCarbonFootprint) }),
  );

  section("4", "stages");
  writer.table(
    [
      { header: header("stage"), width: 0.3 },
      { header: header("fromInventory"), width: 0.25 },
      { header: header("kgPerBattery"), width: 0.17, align: "right" },
      { header: header("kgPerKwh"), width: 0.16, align: "right" },
      { header: header("share"), width: 0.12, align: "right" },
    ],
    [
      ...footprint.carbonFootprintPerLifecycleStage.map((entry) => {
        const mapped = declaration.lifecycleStageMapping.filter((mapping) => mapping.lifecycleStage === entry.lifecycleStage);
        const absolute = mapped.reduce((sum, mapping) => sum + (mapping.absoluteCarbonFootprint ?? 0), 0);
        return [
          annexName(entry.lifecycleStage),
          mapped.map((mapping) => stageName(mapping.inventoryStage)).join("; "),
          declarationFigure(absolute),
          declarationFigure(entry.carbonFootprint),
          declarationPercent(declaration.stageShares[entry.lifecycleStage]),
        ];
      }),
      [both("total"), "", declarationFigure(footprint.absoluteCarbonFootprint), declarationFigure(footprint.batteryCarbonFootprint), "100.0 %"],
    ],
    { boldLastRow: true },
  );
  writer.barChart(
    both("kgPerKwh"),
    footprint.carbonFootprintPerLifecycleStage.map((entry) => ({
      label: annexName(entry.lifecycleStage),
      value: entry.carbonFootprint,
      valueText: declarationFigure(entry.carbonFootprint),
    })),
  );

  section("5", "mapping");
  writer.table(
    [
      { header: header("inventoryStage"), width: 0.3 },
      { header: header("annexStage"), width: 0.5 },
      { header: header("kgPerBattery"), width: 0.2, align: "right" },
    ],
    declaration.lifecycleStageMapping.map((mapping) => [
      stageName(mapping.inventoryStage),
      mapping.lifecycleStage ? annexName(mapping.lifecycleStage) : both("excluded"),
      mapping.absoluteCarbonFootprint === null ? both("notInBoundary") : declarationFigure(mapping.absoluteCarbonFootprint),
    ]),
  );

  section("6", "performanceClass");
  writer.text(both("noClass"), { font: fonts.bold });
  writer.bilingual(zh.pdf.performanceClassReason, en.pdf.performanceClassReason);

  section("7", "study");
  writer.fields([[both("studyUrl"), footprint.carbonFootprintStudy]]);
  writer.gap(4);
  const verification = declaration.verification;
  if (verification) {
    const params = { number: verification.certificateNumber, body: verification.verificationBody, issuedOn: verification.issuedOn };
    writer.bilingual(interpolate(zh.pdf.verifiedBy, params), interpolate(en.pdf.verifiedBy, params));
  } else {
    writer.bilingual(zh.pdf.notVerified, en.pdf.notVerified);
  }

  writer.finish((page, total) => `${interpolate(zh.pdf.footer, { page, total })} · ${interpolate(en.pdf.footer, { page, total })}`);
  return doc.save();
}
