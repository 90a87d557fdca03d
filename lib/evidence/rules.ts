/** What may be attached as evidence; shared by the upload form and the server. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const EVIDENCE_TYPES = [
  { mime: "application/pdf", extension: "pdf" },
  { mime: "image/png", extension: "png" },
  { mime: "image/jpeg", extension: "jpg" },
  { mime: XLSX_MIME, extension: "xlsx" },
  { mime: "text/csv", extension: "csv" },
] as const;

export type EvidenceMimeType = (typeof EVIDENCE_TYPES)[number]["mime"];

/**
 * Types a browser shows by itself under the download's sandbox CSP: images. Chromium refuses to
 * run its PDF viewer in a sandboxed document ("blocked by Chrome"), and the sandbox is what keeps
 * an uploaded file from acting as a page of this site, so PDFs stay downloads. CSV and XLSX would
 * be handed to another program anyway.
 */
const INLINE_MIME_TYPES: readonly string[] = ["image/png", "image/jpeg"];

export function opensInBrowser(mime: string): boolean {
  return INLINE_MIME_TYPES.includes(mime);
}

/** For the file picker only: the server decides by content. */
export const EVIDENCE_ACCEPT = ".pdf,.png,.jpg,.jpeg,.xlsx,.csv";

/** Short label of a stored type (PDF, PNG, …) for lists. */
export function evidenceTypeLabel(mime: string): string {
  return EVIDENCE_TYPES.find((type) => type.mime === mime)?.extension.toUpperCase() ?? mime;
}
