import { create as openFont } from "fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf } from "@/lib/certificates/certificate-pdf";
import { LABEL_PDF_WIDTH_MM, renderLabelPdf } from "@/lib/certificates/label-pdf";
import { renderLabelPng } from "@/lib/certificates/label-png";
import { Resvg } from "@resvg/resvg-js";
import { escapeXml, LABEL_MIN_PRINT_WIDTH_MM, labelDrawing, QR_QUIET_ZONE_MODULES, qrPath, renderLabelSvg } from "@/lib/certificates/label-svg";
import { pdfPages } from "../../support/pdf-text";
import { artifactData, EN_STRINGS, ZH_STRINGS } from "./fixtures";

/** The font descriptors that carry an embedded TrueType program. */
function embeddedFontDescriptors(doc: PDFDocument): PDFDict[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.has(PDFName.of("FontFile2")));
}

/**
 * Glyphs of an embedded subset without a readable outline. A corrupt subset (as @pdf-lib/fontkit
 * writes for Noto Sans SC) loses dozens; a sound one only has the space.
 */
function glyphsWithoutOutline(doc: PDFDocument, descriptor: PDFDict): number {
  const program = doc.context.lookup(descriptor.get(PDFName.of("FontFile2")));
  if (!(program instanceof PDFRawStream)) throw new Error("Expected an embedded font program");
  const font = openFont(Buffer.from(decodePDFRawStream(program).decode()));
  if (!("getGlyph" in font)) throw new Error("Expected a single font");
  let withoutOutline = 0;
  for (let id = 1; id < font.numGlyphs; id++) {
    try {
      const glyph = font.getGlyph(id);
      if (glyph.path.commands.length === 0) withoutOutline++;
    } catch {
      withoutOutline++;
    }
  }
  return withoutOutline;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What the label shows, line by line (its text is drawn as outlines, and listed in <desc>). */
const linesOf = (...args: Parameters<typeof labelDrawing>) => labelDrawing(...args).lines;

describe("renderLabelSvg", () => {
  it("shows the rounded footprint, CO₂e with a subscript, product, English names, grade, number and validity in English", () => {
    const lines = linesOf(artifactData(), "en", EN_STRINGS);
    expect(lines).toEqual(
      expect.arrayContaining([
        "307",
        "kg CO₂e / piece",
        "Thin & Light Laptop <Pro> TB14-G6",
        "Chongqing Example Electronics Co., Ltd.",
        "Grade 2 of 5",
        "1 = best (lowest footprint)",
        "Certificate No. CFP-CQ-2026-7K3M9Q",
        "Valid 2026-03-15 – 2028-03-15",
        "System boundary: Cradle to gate",
        "Verified by CEC (Chongqing) Certification Centre",
      ]),
    );
    const svg = renderLabelSvg(artifactData(), "en", EN_STRINGS);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 600 360"/);
    expect(svg).toContain("Thin &amp; Light Laptop &lt;Pro&gt; TB14-G6");
    expect(svg).not.toContain("<Pro>");
  });

  it("falls back to the Chinese names on the English label only where no English name exists", () => {
    const lines = linesOf(artifactData({ enterpriseNameEn: null, verificationBodyNameEn: null }), "en", EN_STRINGS);
    expect(lines).toContain("重庆某某电子科技有限公司");
    expect(lines).toContain("Verified by 中环联合（重庆）认证中心");
  });

  it("draws every text as outlines, so it renders the same without any font installed", async () => {
    const svg = renderLabelSvg(artifactData(), "zh-CN", ZH_STRINGS);
    expect(svg).not.toMatch(/<text|font-family|<tspan/);
    // Rasterized with no font at all, the label is the same image as with the bundled fonts.
    const withoutFonts = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [] }, fitTo: { mode: "width", value: 600 }, background: "#ffffff" }).render().asPng();
    expect(Buffer.from(withoutFonts).equals(await renderLabelPng(svg, 600))).toBe(true);
  });

  it("renders Chinese text and the declared unit from the zh-CN catalog", () => {
    const lines = linesOf(artifactData(), "zh-CN", ZH_STRINGS);
    expect(lines).toEqual(expect.arrayContaining(["产品碳足迹标识", "轻薄笔记本电脑 TB14-G6", "等级 2 / 共 5 级", "1 级最优（碳足迹最低）", "核查机构 中环联合（重庆）认证中心", "kg CO₂e / 件"]));
  });

  it("shows the full scale with the product's level marked, and says so when there is no grade", () => {
    const graded = labelDrawing(artifactData({ grade: 4 }), "en", EN_STRINGS);
    expect(graded.lines).toEqual(expect.arrayContaining(["1", "2", "3", "4", "5", "Grade 4 of 5"]));
    // The product's cell is the only one outlined.
    expect(graded.shapes.filter((shape) => shape.stroke === "#1f2a24")).toHaveLength(1);
    const ungraded = linesOf(artifactData({ grade: null, benchmarkVersion: null, gradeLevels: null }), "en", EN_STRINGS);
    expect(ungraded).toContain("No grade");
    expect(ungraded).toContain("no benchmark");
    expect(ungraded.some((line) => line.startsWith("Grade "))).toBe(false);
  });

  it("embeds a QR code of the public verification URL with a white quiet zone of four modules", () => {
    const data = artifactData();
    const drawing = labelDrawing(data, "en", EN_STRINGS);
    expect(drawing.qr.url).toBe(data.publicUrl);
    expect(drawing.qr.modules).toBe(qrPath(data.publicUrl).modules);
    expect(drawing.qr.modules).toBeGreaterThanOrEqual(21);
    const quiet = (drawing.qr.size / drawing.qr.modules) * QR_QUIET_ZONE_MODULES;
    expect(drawing.qr.x - quiet).toBeGreaterThan(0);
    expect(drawing.qr.x + drawing.qr.size + quiet).toBeLessThan(drawing.width);
    const svg = renderLabelSvg(data, "en", EN_STRINGS);
    expect(svg).toContain(`data-qr-url="${data.publicUrl}"`);
    expect(svg).toContain(`d="${qrPath(data.publicUrl).d}"`);
    // At the stated minimum print width the QR code is still over 12 mm square.
    expect((drawing.qr.size / drawing.width) * LABEL_MIN_PRINT_WIDTH_MM).toBeGreaterThan(12);
  });

  it("escapes markup in every caller-supplied field", () => {
    const svg = renderLabelSvg(
      artifactData({ enterpriseNameEn: `"Acme" & <Sons>`, verificationBodyNameEn: "<script>alert(1)</script>" }),
      "en",
      EN_STRINGS,
    );
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&quot;Acme&quot; &amp; &lt;Sons&gt;");
    expect(escapeXml(`a'b`)).toBe("a&apos;b");
  });

  it("shortens names that would overflow the label", () => {
    const lines = linesOf(artifactData({ enterpriseName: "很长的企业名称".repeat(20) }), "zh-CN", ZH_STRINGS);
    expect(lines.some((line) => line.startsWith("很长的企业名称") && line.endsWith("…"))).toBe(true);
  });

  it("shows a declared unit amount other than one", () => {
    expect(linesOf(artifactData({ declaredUnitAmount: "1000", declaredUnit: "kWh" }), "en", EN_STRINGS)).toContain("kg CO₂e / 1000 kWh");
  });
});

describe("renderLabelPdf", () => {
  it("is a one-page vector PDF of the label, 100 mm wide, with no font to embed, and reproducible", async () => {
    const bytes = await renderLabelPdf(artifactData(), "en", EN_STRINGS);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo((LABEL_PDF_WIDTH_MM * 72) / 25.4, 1);
    expect(height).toBeCloseTo((width * 360) / 600, 1);
    expect(embeddedFontDescriptors(doc)).toEqual([]);
    expect(doc.getTitle()).toBe("Product Carbon Footprint Label CFP-CQ-2026-7K3M9Q");
    expect(Buffer.from(await renderLabelPdf(artifactData(), "en", EN_STRINGS)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("renderLabelPng", () => {
  it("rasterizes the label at print width", async () => {
    const png = await renderLabelPng(renderLabelSvg(artifactData(), "zh-CN", ZH_STRINGS));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: width and height are the first two big-endian words of the first chunk.
    expect(png.readUInt32BE(16)).toBe(2400);
    expect(png.readUInt32BE(20)).toBe(1440);
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("draws Chinese text with the bundled font", async () => {
    const svgWith = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50">` +
      `<text x="10" y="35" font-size="24" font-family="'Noto Sans SC'">${text}</text></svg>`;
    // Without a CJK font resvg drops the text silently, so both images would be identical.
    const [withText, blank] = await Promise.all([renderLabelPng(svgWith("碳足迹标识"), 200), renderLabelPng(svgWith(""), 200)]);
    expect(withText.equals(blank)).toBe(false);
  });

  it("takes a custom width", async () => {
    const png = await renderLabelPng(renderLabelSvg(artifactData(), "en", EN_STRINGS), 1200);
    expect(png.readUInt32BE(16)).toBe(1200);
  });
});

describe("renderCertificatePdf", () => {
  it("frames every page and carries the accreditation line, the credential digest and the seal and signature block", async () => {
    const bytes = await renderCertificatePdf(artifactData(), "en", EN_STRINGS);
    const text = (await pdfPages(bytes)).join("\n");
    for (const expected of ["Accreditation: CNCA-R-2025-101", "Signed credential SHA-256", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "Certification decision", "Certification seal", "CEC (Chongqing) Certification Centre", "李评定"]) {
      expect(text).toContain(expected);
    }
  });

  it("produces a PDF with an embedded CJK font subset that pdf-lib can reload", async () => {
    const bytes = await renderCertificatePdf(artifactData(), "zh-CN", ZH_STRINGS);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(30_000);
    // A subset, not the whole 10 MB font.
    expect(bytes.length).toBeLessThan(1_000_000);
    const reloaded = await PDFDocument.load(bytes);
    const descriptors = embeddedFontDescriptors(reloaded);
    expect(descriptors.map((descriptor) => String(descriptor.get(PDFName.of("FontName"))))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/NotoSansSC-Regular/), expect.stringMatching(/^\/NotoSansSC-Bold/)]),
    );
    for (const descriptor of descriptors) expect(glyphsWithoutOutline(reloaded, descriptor)).toBeLessThanOrEqual(1);
    expect(reloaded.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(reloaded.getTitle()).toBe("产品碳足迹标识认证证书 CFP-CQ-2026-7K3M9Q");
  });

  it("renders English and the no-benchmark case, and is reproducible", async () => {
    const data = artifactData({ grade: null, benchmarkVersion: null });
    const first = await renderCertificatePdf(data, "en", EN_STRINGS);
    const second = await renderCertificatePdf(data, "en", EN_STRINGS);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const reloaded = await PDFDocument.load(first);
    expect(reloaded.getTitle()).toBe("Product Carbon Footprint Certificate CFP-CQ-2026-7K3M9Q");
  });

  it("continues a long statement on further pages", async () => {
    const statement = "核查组逐行核对了活动数据及其证据。".repeat(400);
    const bytes = await renderCertificatePdf(artifactData({ statement }), "zh-CN", ZH_STRINGS);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
  });
});
