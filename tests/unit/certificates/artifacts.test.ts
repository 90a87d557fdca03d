import { create as openFont } from "fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf } from "@/lib/certificates/certificate-pdf";
import { renderLabelPng } from "@/lib/certificates/label-png";
import { escapeXml, qrPath, renderLabelSvg } from "@/lib/certificates/label-svg";
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

describe("renderLabelSvg", () => {
  it("shows the rounded footprint, unit, product, grade, number and validity in English", () => {
    const svg = renderLabelSvg(artifactData(), "en", EN_STRINGS);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 600 360"/);
    expect(svg).toContain(">307<");
    expect(svg).toContain("kg CO2e / piece");
    expect(svg).toContain("Thin &amp; Light Laptop &lt;Pro&gt; TB14-G6");
    expect(svg).not.toContain("<Pro>");
    expect(svg).toContain("Level 2");
    expect(svg).toContain("Certificate No. CFP-CQ-2026-7K3M9Q");
    expect(svg).toContain("Valid 2026-03-15 – 2028-03-15");
    expect(svg).toContain("System boundary: Cradle to gate");
    expect(svg).toContain("Noto Sans CJK SC");
  });

  it("renders Chinese text from the zh-CN catalog", () => {
    const svg = renderLabelSvg(artifactData(), "zh-CN", ZH_STRINGS);
    expect(svg).toContain("产品碳足迹标识");
    expect(svg).toContain("轻薄笔记本电脑 TB14-G6");
    expect(svg).toContain("2 级");
    expect(svg).toContain("核查机构 中环联合（重庆）认证中心");
    expect(svg).toContain("kg CO2e / 件");
  });

  it("says so when there is no grade", () => {
    const svg = renderLabelSvg(artifactData({ grade: null, benchmarkVersion: null }), "en", EN_STRINGS);
    expect(svg).toContain("No grade");
    expect(svg).toContain("no benchmark");
    expect(svg).not.toContain("Level ");
  });

  it("embeds a QR code of the public verification URL", () => {
    const data = artifactData();
    const svg = renderLabelSvg(data, "en", EN_STRINGS);
    const { d, modules } = qrPath(data.publicUrl);
    expect(modules).toBeGreaterThanOrEqual(21);
    expect(svg).toContain(`data-qr-url="${data.publicUrl}"`);
    expect(svg).toContain(`d="${d}"`);
  });

  it("escapes markup in every caller-supplied field", () => {
    const svg = renderLabelSvg(
      artifactData({ enterpriseName: `"Acme" & <Sons>`, verificationBodyName: "<script>alert(1)</script>" }),
      "en",
      EN_STRINGS,
    );
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&quot;Acme&quot; &amp; &lt;Sons&gt;");
    expect(escapeXml(`a'b`)).toBe("a&apos;b");
  });

  it("shortens names that would overflow the label", () => {
    const svg = renderLabelSvg(artifactData({ enterpriseName: "很长的企业名称".repeat(20) }), "zh-CN", ZH_STRINGS);
    expect(svg).toContain("…");
  });

  it("shows a declared unit amount other than one", () => {
    const svg = renderLabelSvg(artifactData({ declaredUnitAmount: "1000", declaredUnit: "kWh" }), "en", EN_STRINGS);
    expect(svg).toContain("kg CO2e / 1000 kWh");
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
