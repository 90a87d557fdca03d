import { Readable } from "node:stream";
import { create } from "fontkit";
import type { PDFDocument } from "pdf-lib";

type PdfLibFontkit = Parameters<PDFDocument["registerFontkit"]>[0];
type PdfLibFont = ReturnType<PdfLibFontkit["create"]>;

/**
 * Upstream fontkit 2 for pdf-lib. The @pdf-lib/fontkit 1.1.1 fork writes TrueType subsets with
 * corrupt `loca` offsets, which leaves most CJK glyphs blank (Hopding/pdf-lib#1232, fixed
 * upstream by foliojs/fontkit#191). pdf-lib reads subsets through the pre-2.0 `encodeStream()`,
 * so that is provided on top of `encode()`.
 */
export const pdfFontkit: PdfLibFontkit = {
  create(bytes: Uint8Array): PdfLibFont {
    const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!("createSubset" in font)) throw new TypeError("Font collections (.ttc) cannot be embedded");
    const createSubset = font.createSubset.bind(font);
    const withStreamingSubsets = Object.assign(font, {
      createSubset() {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
    return withStreamingSubsets as unknown as PdfLibFont;
  },
};
