import QRCode from "qrcode";
import { formatSignificant } from "@/lib/calc/format";
import { declaredUnitText, interpolate, type ArtifactLocale, type LabelStrings } from "./strings";
import type { CertificateArtifactData } from "./types";

export const LABEL_WIDTH = 600;
export const LABEL_HEIGHT = 360;

/** Labels show 3 significant digits; the certificate PDF also carries the full value. */
export const LABEL_SIGNIFICANT_DIGITS = 3;

const FONT_FAMILY = `'Noto Sans CJK SC', 'Noto Sans SC', 'Inter', sans-serif`;
const GREEN = "#1b7a3e";
const PALE_GREEN = "#e8f3ec";
const INK = "#1f2a24";
const MUTED = "#5b6b62";
/** Level 1 (best) to level 5; further levels reuse the last colour. */
const GRADE_COLOURS = ["#1b7a3e", "#4e9a2c", "#8aa92a", "#c98f12", "#c8571c"];

const LEFT = 24;
const LEFT_COLUMN_WIDTH = 392;
const QR_SIZE = 120;
const BADGE_Y = 72;
const BADGE_HEIGHT = 60;
/** At least 4 modules of white around the QR code (its quiet zone) keep it scannable. */
const QR_Y = BADGE_Y + BADGE_HEIGHT + 18;
const QR_X = LEFT + LEFT_COLUMN_WIDTH + 36;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Rough advance width in em: SVG text cannot be measured without a font engine. */
function estimatedWidthEm(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x2e80) width += 1;
    else if (char === " ") width += 0.28;
    else if (/[A-Z0-9@%&]/.test(char)) width += 0.62;
    else width += 0.52;
  }
  return width;
}

/** Shrinks the font down to `minFontSize`, then cuts the text with an ellipsis, so it stays in its box. */
function fitText(text: string, maxWidth: number, fontSize: number, minFontSize: number) {
  const widthEm = estimatedWidthEm(text);
  if (widthEm * fontSize <= maxWidth) return { text, fontSize };
  const shrunk = Math.max(minFontSize, Math.floor(maxWidth / widthEm));
  if (widthEm * shrunk <= maxWidth) return { text, fontSize: shrunk };
  const chars = [...text];
  while (chars.length > 1 && (estimatedWidthEm(chars.join("")) + 1) * shrunk > maxWidth) chars.pop();
  return { text: `${chars.join("")}…`, fontSize: shrunk };
}

type TextOptions = {
  x: number;
  y: number;
  size: number;
  fill?: string;
  weight?: "normal" | "bold";
  anchor?: "start" | "middle" | "end";
  maxWidth?: number;
  minSize?: number;
};

function text(content: string, options: TextOptions): string {
  const { x, y, fill = INK, weight = "normal", anchor = "start", maxWidth, minSize } = options;
  const fitted = maxWidth ? fitText(content, maxWidth, options.size, minSize ?? options.size) : { text: content, fontSize: options.size };
  return `<text x="${x}" y="${y}" font-size="${fitted.fontSize}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(fitted.text)}</text>`;
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

function qrCode(url: string, x: number, y: number, size: number): string {
  const { d, modules } = qrPath(url);
  const scale = size / modules;
  return (
    `<g data-qr-url="${escapeXml(url)}" transform="translate(${x} ${y}) scale(${scale})">` +
    `<path d="${d}" fill="${INK}" shape-rendering="crispEdges"/></g>`
  );
}

function gradeBadge(grade: number | null, strings: LabelStrings, x: number, y: number): string {
  const width = QR_SIZE;
  const centre = x + width / 2;
  if (grade === null) {
    return (
      `<rect x="${x}" y="${y}" width="${width}" height="${BADGE_HEIGHT}" rx="8" fill="#f1f3f2" stroke="#c5ccc8"/>` +
      text(strings.label.noGrade, { x: centre, y: y + 27, size: 16, weight: "bold", fill: MUTED, anchor: "middle", maxWidth: width - 12, minSize: 10 }) +
      text(strings.label.noBenchmark, { x: centre, y: y + 46, size: 12, fill: MUTED, anchor: "middle", maxWidth: width - 12, minSize: 8 })
    );
  }
  const colour = GRADE_COLOURS[Math.min(grade, GRADE_COLOURS.length) - 1];
  return (
    `<rect x="${x}" y="${y}" width="${width}" height="${BADGE_HEIGHT}" rx="8" fill="${colour}"/>` +
    text(strings.label.gradeLevel, { x: centre, y: y + 19, size: 12, fill: "#ffffff", anchor: "middle", maxWidth: width - 12, minSize: 8 }) +
    text(interpolate(strings.label.grade, { grade }), { x: centre, y: y + 47, size: 24, weight: "bold", fill: "#ffffff", anchor: "middle", maxWidth: width - 12, minSize: 12 })
  );
}

/**
 * The carbon label as a standalone SVG (600×360 user units; the viewBox lets it scale to any
 * print resolution). All human-readable text comes from `strings`, the "labels" catalog of `locale`.
 */
export function renderLabelSvg(data: CertificateArtifactData, locale: ArtifactLocale, strings: LabelStrings): string {
  const productName = locale === "zh-CN" ? data.productNameZh : data.productNameEn;
  const unit = declaredUnitText(data.declaredUnitAmount, data.declaredUnit, strings);
  const footprint = formatSignificant(data.value, LABEL_SIGNIFICANT_DIGITS);
  const right = LABEL_WIDTH - LEFT;

  const body = [
    `<rect width="${LABEL_WIDTH}" height="${LABEL_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${LABEL_WIDTH}" height="56" fill="${GREEN}"/>`,
    // A leaf: the usual visual cue of a carbon label.
    `<path d="M${LEFT} 40c0-14 10-24 26-24c0 16-10 24-26 24zM${LEFT + 2} 38l14-13" fill="#ffffff" stroke="${GREEN}" stroke-width="1.5"/>`,
    text(strings.label.title, { x: LEFT + 36, y: 36, size: 20, weight: "bold", fill: "#ffffff", maxWidth: 380, minSize: 14 }),
    text(strings.label.standard, { x: right, y: 35, size: 12, fill: "#d6eadc", anchor: "end" }),

    text(strings.label.footprint, { x: LEFT, y: 84, size: 14, fill: MUTED }),
    text(footprint, { x: LEFT, y: 140, size: 56, weight: "bold", fill: GREEN, maxWidth: LEFT_COLUMN_WIDTH, minSize: 32 }),
    text(interpolate(strings.label.footprintUnit, { unit }), { x: LEFT, y: 166, size: 16, fill: INK, maxWidth: LEFT_COLUMN_WIDTH, minSize: 10 }),
    `<rect x="${LEFT}" y="180" width="${LEFT_COLUMN_WIDTH}" height="1" fill="${PALE_GREEN}"/>`,
    text(`${productName} ${data.model}`, { x: LEFT, y: 206, size: 18, weight: "bold", maxWidth: LEFT_COLUMN_WIDTH, minSize: 11 }),
    text(data.enterpriseName, { x: LEFT, y: 232, size: 14, maxWidth: LEFT_COLUMN_WIDTH, minSize: 9 }),
    text(interpolate(strings.label.systemBoundary, { boundary: strings.systemBoundary[data.systemBoundary] }), { x: LEFT, y: 256, size: 13, fill: MUTED, maxWidth: LEFT_COLUMN_WIDTH, minSize: 9 }),

    gradeBadge(data.grade, strings, QR_X, BADGE_Y),
    qrCode(data.publicUrl, QR_X, QR_Y, QR_SIZE),
    text(strings.label.scanToVerify, { x: QR_X + QR_SIZE / 2, y: QR_Y + QR_SIZE + 16, size: 11, fill: MUTED, anchor: "middle" }),

    `<rect x="0" y="298" width="${LABEL_WIDTH}" height="${LABEL_HEIGHT - 298}" fill="${PALE_GREEN}"/>`,
    text(interpolate(strings.label.certificateNumber, { number: data.number }), { x: LEFT, y: 322, size: 13, weight: "bold", maxWidth: 270, minSize: 9 }),
    text(interpolate(strings.label.validity, { issuedOn: data.issuedOn, expiresOn: data.expiresOn }), { x: right, y: 322, size: 13, anchor: "end", maxWidth: 270, minSize: 9 }),
    text(interpolate(strings.label.verificationBody, { body: data.verificationBodyName }), { x: LEFT, y: 344, size: 12, fill: MUTED, maxWidth: LABEL_WIDTH - 2 * LEFT, minSize: 8 }),
  ];

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH}" height="${LABEL_HEIGHT}" viewBox="0 0 ${LABEL_WIDTH} ${LABEL_HEIGHT}" ` +
    `font-family="${FONT_FAMILY}" lang="${locale}" role="img" aria-label="${escapeXml(`${strings.label.title} ${data.number}`)}">` +
    `<defs><clipPath id="label-shape"><rect width="${LABEL_WIDTH}" height="${LABEL_HEIGHT}" rx="16"/></clipPath></defs>` +
    `<g clip-path="url(#label-shape)">${body.join("")}</g>` +
    `<rect x="1" y="1" width="${LABEL_WIDTH - 2}" height="${LABEL_HEIGHT - 2}" rx="15" fill="none" stroke="${GREEN}" stroke-width="2"/>` +
    `</svg>`
  );
}
