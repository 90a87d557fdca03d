import { renderAsync } from "@resvg/resvg-js";
import { CJK_FONT_FAMILY, CJK_FONT_FILES } from "./fonts";

/** 2400 px across a 600-unit label is 4× — about 300 dpi for a 20 cm wide print. */
const DEFAULT_LABEL_PNG_WIDTH = 2400;

/**
 * Rasterizes a label SVG to PNG. Only the bundled Noto Sans SC is loaded, not system fonts, so
 * the image is the same on every server and Chinese never falls back to missing glyphs.
 */
export async function renderLabelPng(svg: string, widthPx: number = DEFAULT_LABEL_PNG_WIDTH): Promise<Buffer> {
  if (!Number.isInteger(widthPx) || widthPx < 1) throw new RangeError(`Invalid PNG width ${widthPx}`);
  const image = await renderAsync(svg, {
    fitTo: { mode: "width", value: widthPx },
    font: {
      loadSystemFonts: false,
      fontFiles: [CJK_FONT_FILES.regular, CJK_FONT_FILES.bold],
      defaultFontFamily: CJK_FONT_FAMILY,
      sansSerifFamily: CJK_FONT_FAMILY,
    },
    background: "#ffffff",
    logLevel: "off",
  });
  return image.asPng();
}
