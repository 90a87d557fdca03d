/**
 * Reads a PDF's text back with Mozilla's pdf.js (the legacy build runs in Node): one string per
 * page, each drawn text run on a line of its own, so tests can check what a generated document
 * says, page by page.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).filter((text) => text.trim()).join("\n"));
  }
  await document.destroy();
  return pages;
}
