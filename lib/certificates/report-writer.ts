import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { wrapText } from "./certificate-pdf";

/**
 * The page layout of long generated reports (the CFP study report, the battery declaration):
 * A4 pages written top to bottom, numbered sections collected for a table of contents, tables
 * that repeat their header on a new page, bar charts and a process-flow figure drawn as vectors,
 * and "page x of n" footers added once the page count is known.
 */
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 48;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FOOTER_Y = 24;
const BOTTOM = MARGIN + 8;

export const COLORS = {
  green: rgb(0x1b / 255, 0x7a / 255, 0x3e / 255),
  paleGreen: rgb(0xe8 / 255, 0xf3 / 255, 0xec / 255),
  ink: rgb(0x1f / 255, 0x2a / 255, 0x24 / 255),
  muted: rgb(0x5b / 255, 0x6b / 255, 0x62 / 255),
  rule: rgb(0xc9 / 255, 0xd6 / 255, 0xce / 255),
  grey: rgb(0xf1 / 255, 0xf3 / 255, 0xf2 / 255),
  amber: rgb(0xb4 / 255, 0x53 / 255, 0x09 / 255),
  white: rgb(1, 1, 1),
};

type Fonts = { regular: PDFFont; bold: PDFFont };

export type TableColumn = {
  /** Header text; "\n" separates the Chinese and English lines. */
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
  align?: "left" | "right";
};

type TocEntry = { number: string; title: string; subtitle: string; pageIndex: number };

type TextOptions = { size?: number; font?: PDFFont; color?: RGB; indent?: number; lineGap?: number };

export class ReportWriter {
  private page!: PDFPage;
  private y = 0;
  readonly toc: TocEntry[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly runningHeader: string,
  ) {}

  /** Starts a new page and writes from its top. */
  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.page.drawRectangle({ x: 0, y: A4.height - 6, width: A4.width, height: 6, color: COLORS.green });
    this.page.drawText(this.runningHeader, { x: MARGIN, y: A4.height - 26, size: 7, font: this.fonts.regular, color: COLORS.muted });
    this.y = A4.height - MARGIN;
  }

  get pageIndex(): number {
    return this.doc.getPageCount() - 1;
  }

  get cursor(): number {
    return this.y;
  }

  get currentPage(): PDFPage {
    return this.page;
  }

  ensureSpace(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** A numbered section (level 1), remembered for the table of contents. */
  section(number: string, title: string, subtitle: string): void {
    this.ensureSpace(70);
    this.y -= 22;
    this.page.drawText(`${number}  ${title}`, { x: MARGIN, y: this.y, size: 14, font: this.fonts.bold, color: COLORS.green });
    this.y -= 14;
    this.page.drawText(subtitle, { x: MARGIN, y: this.y, size: 10, font: this.fonts.regular, color: COLORS.green });
    this.y -= 6;
    this.page.drawRectangle({ x: MARGIN, y: this.y, width: CONTENT_WIDTH, height: 0.8, color: COLORS.rule });
    this.y -= 8;
    this.toc.push({ number, title, subtitle, pageIndex: this.pageIndex });
  }

  /** A titled part inside a section, in both languages on one line. */
  subheading(text: string): void {
    this.ensureSpace(48);
    this.y -= 16;
    this.page.drawText(text, { x: MARGIN, y: this.y, size: 10, font: this.fonts.bold, color: COLORS.ink });
    this.y -= 6;
  }

  text(value: string, options: TextOptions = {}): void {
    const { size = 9, font = this.fonts.regular, color = COLORS.ink, indent = 0, lineGap = 1.45 } = options;
    const lineHeight = size * lineGap;
    for (const line of wrapText(value, font, size, CONTENT_WIDTH - indent)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y + size * 0.3, size, font, color });
    }
  }

  /** The Chinese text, then its English translation in a lighter tone. */
  bilingual(zh: string, en: string, options: { indent?: number } = {}): void {
    this.text(zh, { indent: options.indent });
    this.text(en, { indent: options.indent, color: COLORS.muted, size: 8.5 });
    this.y -= 4;
  }

  /** A bulleted pair (Chinese, English). */
  bullet(zh: string, en: string): void {
    this.ensureSpace(26);
    this.page.drawCircle({ x: MARGIN + 4, y: this.y - 9 * 1.45 + 9 * 0.3 + 3, size: 1.6, color: COLORS.green });
    this.bilingual(zh, en, { indent: 12 });
  }

  /** Label: value rows, the label in a fixed left column. */
  fields(rows: ReadonlyArray<readonly [string, string]>, labelWidth = 170): void {
    const size = 9;
    const lineHeight = size * 1.5;
    for (const [label, value] of rows) {
      const labelLines = wrapText(label, this.fonts.regular, 8, labelWidth - 8);
      const valueLines = wrapText(value, this.fonts.regular, size, CONTENT_WIDTH - labelWidth);
      const height = Math.max(labelLines.length * 8 * 1.35, valueLines.length * lineHeight) + 3;
      this.ensureSpace(height);
      const top = this.y;
      labelLines.forEach((line, index) => {
        this.page.drawText(line, { x: MARGIN, y: top - (index + 1) * 8 * 1.35 + 2, size: 8, font: this.fonts.regular, color: COLORS.muted });
      });
      valueLines.forEach((line, index) => {
        this.page.drawText(line, { x: MARGIN + labelWidth, y: top - (index + 1) * lineHeight + size * 0.3, size, font: this.fonts.regular, color: COLORS.ink });
      });
      this.y = top - height;
    }
  }

  /** A table whose cells wrap; the header is drawn again at the top of every new page. */
  table(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, options: { boldLastRow?: boolean } = {}): void {
    const size = 7.5;
    const lineHeight = size * 1.35;
    const padding = 3;
    const widths = columns.map((column) => column.width * CONTENT_WIDTH);
    const layout = (cells: readonly string[], font: PDFFont) => {
      const lines = cells.map((cell, index) => wrapText(cell, font, size, widths[index] - 2 * padding));
      return { lines, height: Math.max(...lines.map((cellLines) => cellLines.length)) * lineHeight + 2 * padding };
    };
    const header = layout(
      columns.map((column) => column.header),
      this.fonts.bold,
    );
    const drawRow = (cellLines: string[][], height: number, font: PDFFont, fill: RGB | null) => {
      if (fill) this.page.drawRectangle({ x: MARGIN, y: this.y - height, width: CONTENT_WIDTH, height, color: fill });
      let x = MARGIN;
      cellLines.forEach((lines, index) => {
        const align = columns[index].align ?? "left";
        lines.forEach((line, lineIndex) => {
          const baseline = this.y - padding - (lineIndex + 1) * lineHeight + size * 0.3;
          const textX = align === "right" ? x + widths[index] - padding - font.widthOfTextAtSize(line, size) : x + padding;
          this.page.drawText(line, { x: textX, y: baseline, size, font, color: COLORS.ink });
        });
        x += widths[index];
      });
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + CONTENT_WIDTH, y: this.y }, thickness: 0.4, color: COLORS.rule });
    };
    const drawHeader = () => drawRow(header.lines, header.height, this.fonts.bold, COLORS.paleGreen);

    this.ensureSpace(header.height + lineHeight * 2 + 2 * padding);
    drawHeader();
    rows.forEach((cells, index) => {
      const bold = options.boldLastRow && index === rows.length - 1;
      const row = layout(cells, bold ? this.fonts.bold : this.fonts.regular);
      if (this.y - row.height < BOTTOM) {
        this.newPage();
        drawHeader();
      }
      drawRow(row.lines, row.height, bold ? this.fonts.bold : this.fonts.regular, bold ? COLORS.grey : null);
    });
    this.y -= 6;
  }

  /**
   * Horizontal bars, one per row, scaled to the largest magnitude; negative values (removals)
   * are drawn in amber. The value text is printed at the end of each bar.
   */
  barChart(title: string, rows: ReadonlyArray<{ label: string; value: number; valueText: string }>): void {
    const size = 7.5;
    const barHeight = 11;
    const rowHeight = 16;
    const labelWidth = 170;
    const valueWidth = 70;
    const barArea = CONTENT_WIDTH - labelWidth - valueWidth;
    const max = Math.max(...rows.map((row) => Math.abs(row.value)), 0);
    this.ensureSpace(24 + Math.min(rows.length, 6) * rowHeight);
    this.y -= 12;
    this.page.drawText(title, { x: MARGIN, y: this.y, size: 8, font: this.fonts.bold, color: COLORS.muted });
    this.y -= 6;
    for (const row of rows) {
      this.ensureSpace(rowHeight);
      this.y -= rowHeight;
      const [label] = wrapText(row.label, this.fonts.regular, size, labelWidth - 8);
      const shown = label === row.label ? label : `${label.slice(0, Math.max(1, label.length - 1))}…`;
      this.page.drawText(shown, { x: MARGIN, y: this.y + 4, size, font: this.fonts.regular, color: COLORS.ink });
      const length = max === 0 ? 0 : (Math.abs(row.value) / max) * barArea;
      const x = MARGIN + labelWidth;
      this.page.drawRectangle({ x, y: this.y + 1, width: barArea, height: barHeight, color: COLORS.grey });
      if (length > 0) {
        this.page.drawRectangle({ x, y: this.y + 1, width: length, height: barHeight, color: row.value < 0 ? COLORS.amber : COLORS.green });
      }
      this.page.drawText(row.valueText, {
        x: MARGIN + CONTENT_WIDTH - this.fonts.regular.widthOfTextAtSize(row.valueText, size),
        y: this.y + 4,
        size,
        font: this.fonts.regular,
        color: COLORS.ink,
      });
    }
    this.y -= 8;
  }

  /**
   * The process-flow figure: one box per life-cycle stage, left to right, joined by arrows;
   * stages inside the system boundary are filled and framed together by a dashed line.
   */
  flow(boxes: ReadonlyArray<{ title: string; subtitle: string; detail: string; included: boolean }>, boundaryLabel: string): void {
    const gap = 14;
    const boxWidth = (CONTENT_WIDTH - 16 - gap * (boxes.length - 1)) / boxes.length;
    const boxHeight = 74;
    this.ensureSpace(boxHeight + 48);
    this.y -= 22;
    const top = this.y;
    const left = MARGIN + 8;
    const included = boxes.map((box, index) => (box.included ? index : -1)).filter((index) => index >= 0);
    if (included.length) {
      const first = Math.min(...included);
      const last = Math.max(...included);
      const x = left + first * (boxWidth + gap) - 6;
      const width = (last - first + 1) * boxWidth + (last - first) * gap + 12;
      this.page.drawRectangle({ x, y: top - boxHeight - 8, width, height: boxHeight + 16, borderColor: COLORS.green, borderWidth: 0.8, borderDashArray: [3, 2] });
      this.page.drawText(boundaryLabel, { x: x + 2, y: top + 11, size: 7, font: this.fonts.regular, color: COLORS.green });
    }
    boxes.forEach((box, index) => {
      const x = left + index * (boxWidth + gap);
      this.page.drawRectangle({
        x,
        y: top - boxHeight,
        width: boxWidth,
        height: boxHeight,
        color: box.included ? COLORS.paleGreen : COLORS.white,
        borderColor: box.included ? COLORS.green : COLORS.rule,
        borderWidth: 0.8,
      });
      const color = box.included ? COLORS.ink : COLORS.muted;
      let lineY = top - 12;
      for (const line of wrapText(box.title, this.fonts.bold, 8, boxWidth - 8)) {
        this.page.drawText(line, { x: x + 4, y: lineY, size: 8, font: this.fonts.bold, color });
        lineY -= 10;
      }
      for (const line of wrapText(box.subtitle, this.fonts.regular, 6.5, boxWidth - 8)) {
        this.page.drawText(line, { x: x + 4, y: lineY, size: 6.5, font: this.fonts.regular, color: COLORS.muted });
        lineY -= 8;
      }
      lineY -= 2;
      for (const line of wrapText(box.detail, this.fonts.regular, 6.5, boxWidth - 8)) {
        this.page.drawText(line, { x: x + 4, y: lineY, size: 6.5, font: this.fonts.regular, color });
        lineY -= 8;
      }
      if (index < boxes.length - 1) {
        const arrowY = top - boxHeight / 2;
        const startX = x + boxWidth + 2;
        const endX = x + boxWidth + gap - 2;
        this.page.drawLine({ start: { x: startX, y: arrowY }, end: { x: endX - 3, y: arrowY }, thickness: 0.8, color: COLORS.muted });
        this.page.drawSvgPath("M 0 -3 L 4 0 L 0 3 Z", { x: endX - 4, y: arrowY, color: COLORS.muted });
      }
    });
    this.y = top - boxHeight - 18;
  }

  /**
   * Writes a "page x of n" footer on every page (but a cover) and, when a page was reserved for
   * it, the table of contents. Called once, after the last section.
   */
  finish(footer: (page: number, total: number) => string, options: { cover?: boolean; contents?: { pageIndex: number; title: string } } = {}): void {
    const pages = this.doc.getPages();
    if (options.contents) this.drawContents(pages[options.contents.pageIndex], options.contents.title);
    pages.forEach((page, index) => {
      if (index === 0 && options.cover) return;
      const text = footer(index + 1, pages.length);
      const width = this.fonts.regular.widthOfTextAtSize(text, 7.5);
      page.drawText(text, { x: (A4.width - width) / 2, y: FOOTER_Y, size: 7.5, font: this.fonts.regular, color: COLORS.muted });
    });
  }

  private drawContents(page: PDFPage, title: string): void {
    let y = A4.height - MARGIN - 24;
    page.drawText(title, { x: MARGIN, y, size: 16, font: this.fonts.bold, color: COLORS.green });
    y -= 28;
    for (const entry of this.toc) {
      const pageText = String(entry.pageIndex + 1);
      const pageX = MARGIN + CONTENT_WIDTH - this.fonts.regular.widthOfTextAtSize(pageText, 10);
      page.drawText(`${entry.number}  ${entry.title}`, { x: MARGIN, y, size: 10, font: this.fonts.bold, color: COLORS.ink });
      page.drawText(pageText, { x: pageX, y, size: 10, font: this.fonts.regular, color: COLORS.ink });
      page.drawLine({ start: { x: MARGIN + 230, y: y + 2 }, end: { x: pageX - 6, y: y + 2 }, thickness: 0.5, color: COLORS.rule, dashArray: [1, 2] });
      y -= 13;
      page.drawText(entry.subtitle, { x: MARGIN + 18, y, size: 8.5, font: this.fonts.regular, color: COLORS.muted });
      y -= 17;
    }
  }
}
