import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { Decimal } from "@/lib/calc/decimal";
import { formatSignificant } from "@/lib/calc/format";
import { CJK_FONT_FILES, readFontFile } from "./fonts";
import { LABEL_SIGNIFICANT_DIGITS } from "./label-svg";
import { pdfFontkit } from "./pdf-fontkit";
import { declaredUnitText, interpolate, unitName, type ArtifactLocale, type LabelStrings } from "./strings";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";
import type { CertificateArtifactData } from "./types";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const LABEL_COLUMN_WIDTH = 130;
const QR_SIZE = 96;

const GREEN = rgb(0x1b / 255, 0x7a / 255, 0x3e / 255);
const PALE_GREEN = rgb(0xe8 / 255, 0xf3 / 255, 0xec / 255);
const INK = rgb(0x1f / 255, 0x2a / 255, 0x24 / 255);
const MUTED = rgb(0x5b / 255, 0x6b / 255, 0x62 / 255);
const WHITE = rgb(1, 1, 1);
const SEAL_RED = rgb(0xc0 / 255, 0x1f / 255, 0x2e / 255);

/** Ideographs and CJK punctuation may break anywhere; other scripts break at spaces. */
const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
const BREAK_ANYWHERE = new RegExp(`[${CJK}]`);
const WRAP_TOKENS = new RegExp(`[${CJK}]|[^\\s${CJK}]+\\s*|\\s+`, "g");

/** Splits text into lines no wider than `maxWidth`, keeping explicit line breaks. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens = paragraph.match(WRAP_TOKENS) ?? [""];
    let line = "";
    for (const token of tokens) {
      const candidate = line + token;
      if (font.widthOfTextAtSize(candidate.trimEnd(), size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = BREAK_ANYWHERE.test(token) ? token : token.trimStart();
      // A single word wider than the line is cut by characters.
      while (font.widthOfTextAtSize(line.trimEnd(), size) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Writes top to bottom, starting a new page when the next block does not fit. */
class PdfWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([A4.width, A4.height]);
    page.drawRectangle({ x: 0, y: A4.height - 8, width: A4.width, height: 8, color: GREEN });
    // A double frame, as on a certificate meant to be framed.
    page.drawRectangle({ x: 14, y: 14, width: A4.width - 28, height: A4.height - 30, borderColor: GREEN, borderWidth: 1.5 });
    page.drawRectangle({ x: 18, y: 18, width: A4.width - 36, height: A4.height - 38, borderColor: GREEN, borderWidth: 0.5 });
    return page;
  }

  /**
   * The body's seal and the decision's signature block: a round seal drawn in the body's name
   * beside the reviewer's name and the date of issue, above a signature line.
   */
  sealBlock(options: { heading: string; body: string; sealText: string; rows: Array<[string, string]> }): void {
    const height = 118;
    this.ensureSpace(height + 12);
    this.y -= 12;
    const top = this.y;
    const radius = 48;
    const centreX = MARGIN + CONTENT_WIDTH - radius - 8;
    const centreY = top - height / 2;
    this.page.drawEllipse({ x: centreX, y: centreY, xScale: radius, yScale: radius, borderColor: SEAL_RED, borderWidth: 2.5 });
    this.page.drawEllipse({ x: centreX, y: centreY, xScale: radius - 5, yScale: radius - 5, borderColor: SEAL_RED, borderWidth: 0.75 });
    const star = 9;
    this.page.drawSvgPath(
      `M0 ${-star}L${star * 0.29} ${-star * 0.31}L${star * 0.95} ${-star * 0.31}L${star * 0.47} ${star * 0.12}L${star * 0.59} ${star * 0.81}L0 ${star * 0.4}L${-star * 0.59} ${star * 0.81}L${-star * 0.47} ${star * 0.12}L${-star * 0.95} ${-star * 0.31}L${-star * 0.29} ${-star * 0.31}Z`,
      { x: centreX, y: centreY + 14, color: SEAL_RED },
    );
    const centred = (text: string, font: PDFFont, size: number, y: number) => {
      const lines = wrapText(text, font, size, radius * 1.6);
      lines.slice(0, 2).forEach((line, index) => {
        this.page.drawText(line, { x: centreX - font.widthOfTextAtSize(line, size) / 2, y: y - index * (size + 2), size, font, color: SEAL_RED });
      });
    };
    centred(options.body, this.bold, 7.5, centreY - 4);
    centred(options.sealText, this.regular, 7, centreY - 26);

    this.page.drawText(options.heading, { x: MARGIN, y: top - 16, size: 11, font: this.bold, color: INK });
    let rowY = top - 36;
    for (const [label, value] of options.rows) {
      this.page.drawText(label, { x: MARGIN, y: rowY, size: 8, font: this.regular, color: MUTED });
      this.page.drawText(value, { x: MARGIN + 110, y: rowY, size: 10, font: this.regular, color: INK });
      rowY -= 18;
    }
    this.page.drawRectangle({ x: MARGIN + 110, y: rowY + 4, width: 180, height: 0.75, color: INK });
    this.y = top - height;
  }

  get cursor(): number {
    return this.y;
  }

  ensureSpace(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
  }

  gap(height: number): void {
    this.y -= height;
  }

  banner(title: string, subtitle: string): void {
    const height = 58;
    this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: CONTENT_WIDTH, height, color: GREEN });
    this.page.drawText(title, { x: MARGIN + 16, y: this.y - 28, size: 20, font: this.bold, color: WHITE });
    this.page.drawText(subtitle, { x: MARGIN + 16, y: this.y - 46, size: 10, font: this.regular, color: WHITE });
    this.y -= height + 4;
  }

  heading(text: string): void {
    this.ensureSpace(32);
    this.y -= 18;
    this.page.drawText(text, { x: MARGIN, y: this.y, size: 12, font: this.bold, color: GREEN });
    this.y -= 4;
    this.page.drawRectangle({ x: MARGIN, y: this.y, width: CONTENT_WIDTH, height: 0.75, color: PALE_GREEN });
    this.y -= 6;
  }

  paragraph(text: string, options: { size?: number; color?: typeof INK; font?: PDFFont; width?: number } = {}): void {
    const { size = 10, color = INK, font = this.regular, width = CONTENT_WIDTH } = options;
    const lineHeight = size * 1.45;
    for (const line of wrapText(text, font, size, width)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN, y: this.y + size * 0.35, size, font, color });
    }
  }

  /** A label on the left, a wrapped value on the right. */
  field(label: string, value: string, valueFont: PDFFont = this.regular, maxWidth = CONTENT_WIDTH): void {
    const size = 10;
    const lineHeight = size * 1.45;
    const lines = wrapText(value, valueFont, size, maxWidth - LABEL_COLUMN_WIDTH);
    this.ensureSpace(lineHeight * lines.length);
    this.page.drawText(label, { x: MARGIN, y: this.y - lineHeight + size * 0.35, size, font: this.regular, color: MUTED });
    for (const line of lines) {
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN + LABEL_COLUMN_WIDTH, y: this.y + size * 0.35, size, font: valueFont, color: INK });
    }
  }

  tableRow(cells: [string, string, string], font: PDFFont, shaded: boolean): void {
    const size = 10;
    const height = size * 1.8;
    this.ensureSpace(height);
    this.y -= height;
    if (shaded) this.page.drawRectangle({ x: MARGIN, y: this.y, width: CONTENT_WIDTH, height, color: PALE_GREEN });
    const baseline = this.y + size * 0.6;
    const [stage, emissions, share] = cells;
    this.page.drawText(stage, { x: MARGIN + 6, y: baseline, size, font, color: INK });
    const emissionsRight = MARGIN + CONTENT_WIDTH - 110;
    this.page.drawText(emissions, { x: emissionsRight - font.widthOfTextAtSize(emissions, size), y: baseline, size, font, color: INK });
    const shareRight = MARGIN + CONTENT_WIDTH - 6;
    this.page.drawText(share, { x: shareRight - font.widthOfTextAtSize(share, size), y: baseline, size, font, color: INK });
  }

  image(image: PDFImage, x: number, y: number, size: number): void {
    this.page.drawImage(image, { x, y, width: size, height: size });
  }
}

function shareOf(part: string, total: string): string {
  const totalValue = new Decimal(total);
  if (totalValue.isZero()) return "—";
  return `${new Decimal(part).div(totalValue).times(100).toFixed(1)}%`;
}

/**
 * The certificate as an A4 PDF with the Noto Sans SC subset embedded, so Chinese prints anywhere.
 * Dated by the issue date rather than "now", so the same certificate always yields the same bytes.
 */
export async function renderCertificatePdf(
  data: CertificateArtifactData,
  locale: ArtifactLocale,
  strings: LabelStrings,
): Promise<Uint8Array> {
  const c = strings.certificate;
  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfFontkit);
  const [regularBytes, boldBytes, qrPng] = await Promise.all([
    readFontFile(CJK_FONT_FILES.regular),
    readFontFile(CJK_FONT_FILES.bold),
    QRCode.toBuffer(data.publicUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 384 }),
  ]);
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const qrImage = await doc.embedPng(qrPng);

  const issuedAt = new Date(`${data.issuedOn}T00:00:00+08:00`);
  doc.setTitle(`${c.title} ${data.number}`);
  doc.setSubject(locale === "zh-CN" ? data.productNameZh : data.productNameEn);
  doc.setAuthor(data.verificationBodyName);
  doc.setCreator("CarbonLabel");
  doc.setProducer("CarbonLabel");
  doc.setLanguage(locale);
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  const unit = declaredUnitText(data.declaredUnitAmount, data.declaredUnit, strings);
  const writer = new PdfWriter(doc, regular, bold);
  writer.banner(c.title, c.subtitle);
  writer.paragraph(c.basis, { size: 8, color: MUTED });
  writer.gap(8);

  // The QR code sits beside the identification block, top right.
  const qrTop = writer.cursor;
  writer.image(qrImage, MARGIN + CONTENT_WIDTH - QR_SIZE, qrTop - QR_SIZE, QR_SIZE);
  const besideQr = CONTENT_WIDTH - QR_SIZE - 12;
  writer.field(c.number, data.number, bold, besideQr);
  writer.field(c.enterprise, data.enterpriseName, regular, besideQr);
  writer.field(c.productZh, data.productNameZh, regular, besideQr);
  writer.field(c.productEn, data.productNameEn, regular, besideQr);
  writer.field(c.model, data.model, regular, besideQr);
  writer.field(c.category, locale === "zh-CN" ? data.categoryNameZh : data.categoryNameEn, regular, besideQr);
  writer.field(c.declaredUnit, `${data.declaredUnitAmount} ${unitName(data.declaredUnit, strings)}`);
  writer.field(c.systemBoundary, strings.systemBoundary[data.systemBoundary]);
  if (writer.cursor > qrTop - QR_SIZE) writer.gap(writer.cursor - (qrTop - QR_SIZE));

  writer.heading(c.footprint);
  writer.paragraph(interpolate(c.footprintValue, { value: formatSignificant(data.value, LABEL_SIGNIFICANT_DIGITS), unit }), {
    size: 18,
    font: bold,
    color: GREEN,
  });
  writer.paragraph(interpolate(c.footprintFull, { value: data.value }), { size: 9, color: MUTED });

  writer.heading(c.stageBreakdown);
  writer.tableRow([c.stage, c.emissions, c.share], bold, true);
  for (const stage of LIFE_CYCLE_STAGES) {
    const stageValue = data.byStage[stage];
    if (stageValue === undefined) continue;
    writer.tableRow(
      [strings.stages[stage], formatSignificant(stageValue, LABEL_SIGNIFICANT_DIGITS), shareOf(stageValue, data.value)],
      regular,
      false,
    );
  }
  writer.tableRow([c.total, formatSignificant(data.value, LABEL_SIGNIFICANT_DIGITS), "100.0%"], bold, true);

  writer.heading(c.gradeLevel);
  writer.paragraph(
    data.grade === null || data.benchmarkVersion === null
      ? c.noBenchmark
      : interpolate(c.gradeWithBenchmark, { grade: data.grade, version: data.benchmarkVersion }),
    { size: 12, font: bold },
  );

  const bodyName = (locale === "en" && data.verificationBodyNameEn) || data.verificationBodyName;
  writer.heading(c.verification);
  writer.field(c.verificationBody, bodyName);
  if (data.verificationBodyAccreditationNo) {
    writer.paragraph(interpolate(c.accreditation, { number: data.verificationBodyAccreditationNo }), { size: 9, color: MUTED });
  }
  writer.field(c.leadVerifier, data.leadVerifierName);
  writer.field(c.reviewer, data.reviewerName);
  writer.field(c.issuedOn, data.issuedOn);
  writer.field(c.expiresOn, data.expiresOn);
  writer.field(c.status, strings.status[data.status]);

  writer.heading(c.statement);
  writer.paragraph(data.statement);

  writer.heading(c.publicUrl);
  writer.paragraph(data.publicUrl, { font: bold });
  writer.paragraph(c.verifyHint, { size: 9, color: MUTED });
  writer.field(c.snapshotSha256, data.snapshotSha256);
  if (data.credentialSha256) writer.field(c.credentialSha256, data.credentialSha256);

  writer.sealBlock({
    heading: c.sealHeading,
    body: bodyName,
    sealText: c.sealText,
    rows: [
      [c.sealCaption, bodyName],
      [c.signature, data.reviewerName],
      [c.signedOn, data.issuedOn],
    ],
  });

  return doc.save();
}
