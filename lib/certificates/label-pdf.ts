import { PDFDocument, rgb } from "pdf-lib";
import { labelDrawing } from "./label-svg";
import type { ArtifactLocale, LabelStrings } from "./strings";
import type { CertificateArtifactData } from "./types";

/** The PDF label is 100 mm wide (60 mm high): printers scale a vector page to any size. */
export const LABEL_PDF_WIDTH_MM = 100;
const POINTS_PER_MM = 72 / 25.4;

function colour(hex: string) {
  const value = Number.parseInt(hex.slice(1), 16);
  return rgb(((value >> 16) & 0xff) / 255, ((value >> 8) & 0xff) / 255, (value & 0xff) / 255);
}

/**
 * The label as a one-page vector PDF: the very shapes of the SVG (text already outlines), so it
 * needs no embedded font and prints sharp at any size. Dated by the certificate, not by now, so
 * the same certificate gives the same bytes.
 */
export async function renderLabelPdf(data: CertificateArtifactData, locale: ArtifactLocale, strings: LabelStrings): Promise<Uint8Array> {
  const drawing = labelDrawing(data, locale, strings);
  const width = LABEL_PDF_WIDTH_MM * POINTS_PER_MM;
  const scale = width / drawing.width;
  const height = drawing.height * scale;
  const doc = await PDFDocument.create();
  const issued = new Date(`${data.issuedOn}T00:00:00+08:00`);
  doc.setTitle(`${strings.label.title} ${data.number}`);
  doc.setSubject(drawing.lines.join(" · "));
  doc.setLanguage(locale);
  doc.setProducer("CarbonLabel");
  doc.setCreator("CarbonLabel");
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const page = doc.addPage([width, height]);
  for (const shape of drawing.shapes) {
    page.drawSvgPath(shape.d, {
      x: (shape.at?.x ?? 0) * scale,
      y: height - (shape.at?.y ?? 0) * scale,
      scale: scale * (shape.at?.scale ?? 1),
      ...(shape.fill === "none" ? {} : { color: colour(shape.fill) }),
      ...(shape.stroke ? { borderColor: colour(shape.stroke), borderWidth: (shape.strokeWidth ?? 1) * scale } : {}),
    });
  }
  return doc.save({ useObjectStreams: false });
}
