import QRCode from "qrcode";
import { formatSignificant } from "@/lib/calc/format";
import { declaredUnitText, interpolate, type ArtifactLocale, type LabelStrings } from "./strings";
import { fitRuns, measureRuns, outlineRuns, plainText, withCo2Subscript, type FontWeight, type TextRun } from "./text-outlines";
import type { CertificateArtifactData } from "./types";

const LABEL_WIDTH = 600;
const LABEL_HEIGHT = 360;

/** Labels show 3 significant digits; the certificate PDF also carries the full value. */
export const LABEL_SIGNIFICANT_DIGITS = 3;

const GREEN = "#1b7a3e";
const PALE_GREEN = "#e8f3ec";
const INK = "#1f2a24";
const MUTED = "#5b6b62";
/** Level 1 (best) to level 5; further levels reuse the last colour. */
const GRADE_COLOURS = ["#1b7a3e", "#4e9a2c", "#8aa92a", "#c98f12", "#c8571c"];

const LEFT = 24;
const LEFT_COLUMN_WIDTH = 392;
const RIGHT_COLUMN_X = 448;
const RIGHT_COLUMN_WIDTH = 128;
const SCALE_Y = 64;
const QR_SIZE = 112;
const QR_Y = 150;
const QR_X = RIGHT_COLUMN_X + (RIGHT_COLUMN_WIDTH - QR_SIZE) / 2;
/** White modules around the QR code that scanners need (ISO/IEC 18004 asks for four). */
export const QR_QUIET_ZONE_MODULES = 4;
/**
 * The smallest print the label is made for: 75 mm wide (45 mm high) keeps the QR code 14 mm
 * square and the smallest text about 1.2 mm (7 pt) high.
 */
export const LABEL_MIN_PRINT_WIDTH_MM = 75;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * One filled outline of the drawing: shapes and text alike, so SVG, PNG and PDF draw the same.
 * `at` places a path drawn in its own units (the QR code, in modules) at (x, y), scaled.
 */
type LabelShape = { d: string; fill: string; stroke?: string; strokeWidth?: number; at?: { x: number; y: number; scale: number } };

/** The label as shapes on a 600×360 canvas, and the lines of text it shows (for titles and tests). */
type LabelDrawing = { width: number; height: number; shapes: LabelShape[]; lines: string[]; qr: { url: string; x: number; y: number; size: number; modules: number } };

function roundedRect(x: number, y: number, width: number, height: number, radius: number, corners: { top: boolean; bottom: boolean } = { top: true, bottom: true }): string {
  const t = corners.top ? radius : 0;
  const b = corners.bottom ? radius : 0;
  return (
    `M${x + t} ${y}H${x + width - t}${t ? `Q${x + width} ${y} ${x + width} ${y + t}` : ""}` +
    `V${y + height - b}${b ? `Q${x + width} ${y + height} ${x + width - b} ${y + height}` : ""}` +
    `H${x + b}${b ? `Q${x} ${y + height} ${x} ${y + height - b}` : ""}` +
    `V${y + t}${t ? `Q${x} ${y} ${x + t} ${y}` : ""}Z`
  );
}

type TextOptions = {
  x: number;
  y: number;
  size: number;
  fill?: string;
  weight?: FontWeight;
  anchor?: "start" | "middle" | "end";
  maxWidth?: number;
  minSize?: number;
};

function textShape(content: string | TextRun[], options: TextOptions, lines: string[]): LabelShape {
  const { x, y, fill = INK, weight = "normal", anchor = "start", maxWidth, minSize } = options;
  const runs = typeof content === "string" ? [{ text: content }] : content;
  const fitted = maxWidth ? fitRuns(runs, maxWidth, options.size, minSize ?? options.size, weight) : { runs, size: options.size };
  const width = measureRuns(fitted.runs, fitted.size, weight);
  const startX = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
  lines.push(plainText(fitted.runs));
  return { d: outlineRuns(fitted.runs, startX, y, fitted.size, weight), fill };
}

/** The QR code as one path in module units (dark modules only) and its side length in modules. */
export function qrPath(url: string): { d: string; modules: number } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  let d = "";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { d, modules: modules.size };
}

/** The QR code at (x, y), `size` wide: its module-unit path, placed and scaled. */
function qrShape(url: string, x: number, y: number, size: number): { shape: LabelShape; modules: number } {
  const { d, modules } = qrPath(url);
  return { shape: { d, fill: INK, at: { x, y, scale: size / modules } }, modules };
}

/**
 * The grade on its full scale: one cell per level (1 best), the product's level raised and
 * outlined, the best level named; without a benchmark, a plain "no grade" box.
 */
function gradeScale(data: CertificateArtifactData, strings: LabelStrings, lines: string[]): LabelShape[] {
  const x = RIGHT_COLUMN_X;
  const width = RIGHT_COLUMN_WIDTH;
  const centre = x + width / 2;
  if (data.grade === null || data.gradeLevels === null) {
    return [
      { d: roundedRect(x, SCALE_Y, width, 66, 8), fill: "#f1f3f2", stroke: "#c5ccc8", strokeWidth: 1 },
      textShape(strings.label.noGrade, { x: centre, y: SCALE_Y + 28, size: 16, weight: "bold", fill: MUTED, anchor: "middle", maxWidth: width - 12, minSize: 10 }, lines),
      textShape(strings.label.noBenchmark, { x: centre, y: SCALE_Y + 48, size: 12, fill: MUTED, anchor: "middle", maxWidth: width - 12, minSize: 8 }, lines),
    ];
  }
  const levels = data.gradeLevels;
  const gap = 2;
  const cell = (width - gap * (levels - 1)) / levels;
  const cellsY = SCALE_Y + 20;
  const shapes: LabelShape[] = [
    textShape(interpolate(strings.label.gradeOfLevels, { grade: data.grade, levels }), { x: centre, y: SCALE_Y + 12, size: 12, weight: "bold", anchor: "middle", maxWidth: width, minSize: 8 }, lines),
  ];
  for (let level = 1; level <= levels; level++) {
    const left = x + (level - 1) * (cell + gap);
    const mine = level === data.grade;
    const colour = GRADE_COLOURS[Math.min(level, GRADE_COLOURS.length) - 1];
    shapes.push(
      mine
        ? { d: roundedRect(left - 1, cellsY - 5, cell + 2, 34, 4), fill: colour, stroke: INK, strokeWidth: 2 }
        : { d: roundedRect(left, cellsY, cell, 24, 3), fill: colour },
      textShape(String(level), { x: left + cell / 2, y: mine ? cellsY + 20 : cellsY + 17, size: mine ? 18 : 12, weight: "bold", fill: "#ffffff", anchor: "middle" }, lines),
    );
  }
  shapes.push(textShape(strings.label.bestLevel, { x, y: SCALE_Y + 64, size: 10, fill: MUTED, maxWidth: width, minSize: 7 }, lines));
  return shapes;
}

/** The label drawn from the frozen snapshot, in the language of `strings`, as filled outlines only. */
export function labelDrawing(data: CertificateArtifactData, locale: ArtifactLocale, strings: LabelStrings): LabelDrawing {
  const en = locale === "en";
  const productName = en ? data.productNameEn : data.productNameZh;
  const enterpriseName = (en && data.enterpriseNameEn) || data.enterpriseName;
  const bodyName = (en && data.verificationBodyNameEn) || data.verificationBodyName;
  const unit = declaredUnitText(data.declaredUnitAmount, data.declaredUnit, strings);
  const footprint = formatSignificant(data.value, LABEL_SIGNIFICANT_DIGITS);
  const right = LABEL_WIDTH - LEFT;
  const lines: string[] = [];
  const text = (content: string | TextRun[], options: TextOptions) => textShape(content, options, lines);
  const { shape: qr, modules } = qrShape(data.publicUrl, QR_X, QR_Y, QR_SIZE);
  const quietZone = (QR_SIZE / modules) * QR_QUIET_ZONE_MODULES;

  const shapes: LabelShape[] = [
    { d: roundedRect(0, 0, LABEL_WIDTH, LABEL_HEIGHT, 16), fill: "#ffffff" },
    { d: roundedRect(0, 0, LABEL_WIDTH, 52, 16, { top: true, bottom: false }), fill: GREEN },
    // A leaf: the usual visual cue of a carbon label.
    { d: `M${LEFT} 38c0-14 10-24 26-24c0 16-10 24-26 24z`, fill: "#ffffff" },
    { d: `M${LEFT + 2} 37.2l13.4-12.5 1.1 1.1-13.4 12.5z`, fill: GREEN },
    text(strings.label.title, { x: LEFT + 36, y: 33, size: 20, weight: "bold", fill: "#ffffff", maxWidth: 360, minSize: 14 }),
    text(strings.label.standard, { x: right, y: 32, size: 12, fill: "#d6eadc", anchor: "end" }),

    text(strings.label.footprint, { x: LEFT, y: 82, size: 14, fill: MUTED }),
    text(footprint, { x: LEFT, y: 138, size: 56, weight: "bold", fill: GREEN, maxWidth: LEFT_COLUMN_WIDTH, minSize: 32 }),
    text(withCo2Subscript(interpolate(strings.label.footprintUnit, { unit })), { x: LEFT, y: 164, size: 16, maxWidth: LEFT_COLUMN_WIDTH, minSize: 10 }),
    { d: `M${LEFT} 180h${LEFT_COLUMN_WIDTH}v1h-${LEFT_COLUMN_WIDTH}z`, fill: PALE_GREEN },
    text(`${productName} ${data.model}`, { x: LEFT, y: 206, size: 18, weight: "bold", maxWidth: LEFT_COLUMN_WIDTH, minSize: 11 }),
    text(enterpriseName, { x: LEFT, y: 232, size: 14, maxWidth: LEFT_COLUMN_WIDTH, minSize: 9 }),
    text(interpolate(strings.label.systemBoundary, { boundary: strings.systemBoundary[data.systemBoundary] }), { x: LEFT, y: 256, size: 13, fill: MUTED, maxWidth: LEFT_COLUMN_WIDTH, minSize: 9 }),

    ...gradeScale(data, strings, lines),
    // The quiet zone stays white whatever is drawn around it.
    { d: `M${QR_X - quietZone} ${QR_Y - quietZone}h${QR_SIZE + 2 * quietZone}v${QR_SIZE + 2 * quietZone}h-${QR_SIZE + 2 * quietZone}z`, fill: "#ffffff" },
    qr,
    text(strings.label.scanToVerify, { x: QR_X + QR_SIZE / 2, y: 294, size: 11, fill: MUTED, anchor: "middle", maxWidth: RIGHT_COLUMN_WIDTH, minSize: 8 }),

    { d: roundedRect(0, 302, LABEL_WIDTH, LABEL_HEIGHT - 302, 16, { top: false, bottom: true }), fill: PALE_GREEN },
    text(interpolate(strings.label.certificateNumber, { number: data.number }), { x: LEFT, y: 324, size: 13, weight: "bold", maxWidth: 270, minSize: 9 }),
    text(interpolate(strings.label.validity, { issuedOn: data.issuedOn, expiresOn: data.expiresOn }), { x: right, y: 324, size: 13, anchor: "end", maxWidth: 270, minSize: 9 }),
    text(interpolate(strings.label.verificationBody, { body: bodyName }), { x: LEFT, y: 346, size: 12, fill: MUTED, maxWidth: LABEL_WIDTH - 2 * LEFT, minSize: 8 }),
    { d: roundedRect(1, 1, LABEL_WIDTH - 2, LABEL_HEIGHT - 2, 15), fill: "none", stroke: GREEN, strokeWidth: 2 },
  ];
  return { width: LABEL_WIDTH, height: LABEL_HEIGHT, shapes, lines, qr: { url: data.publicUrl, x: QR_X, y: QR_Y, size: QR_SIZE, modules } };
}

function shapeSvg(shape: LabelShape): string {
  const stroke = shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${shape.strokeWidth ?? 1}"` : "";
  const placed = shape.at ? ` transform="translate(${shape.at.x} ${shape.at.y}) scale(${shape.at.scale})" shape-rendering="crispEdges"` : "";
  return `<path d="${shape.d}" fill="${shape.fill}"${stroke}${placed}/>`;
}

/**
 * The carbon label as a standalone SVG (600×360 user units; the viewBox scales it to any print
 * size). Text is converted to outlines, so it renders the same without any font installed; the
 * title and description carry the text for screen readers and search.
 */
export function renderLabelSvg(data: CertificateArtifactData, locale: ArtifactLocale, strings: LabelStrings): string {
  const drawing = labelDrawing(data, locale, strings);
  const title = escapeXml(`${strings.label.title} ${data.number}`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${drawing.width}" height="${drawing.height}" viewBox="0 0 ${drawing.width} ${drawing.height}" ` +
    `lang="${locale}" role="img" aria-labelledby="label-title label-desc" data-min-print-width-mm="${LABEL_MIN_PRINT_WIDTH_MM}" ` +
    `data-qr-quiet-zone-modules="${QR_QUIET_ZONE_MODULES}">` +
    `<title id="label-title">${title}</title><desc id="label-desc">${escapeXml(drawing.lines.join("\n"))}</desc>` +
    `<g data-qr-url="${escapeXml(drawing.qr.url)}" aria-hidden="true">${drawing.shapes.map(shapeSvg).join("")}</g>` +
    `</svg>`
  );
}
