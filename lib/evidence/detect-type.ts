import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { EVIDENCE_TYPES, type EvidenceMimeType } from "./rules";

const ACCEPTED_MIME = new Set<string>(EVIDENCE_TYPES.map((type) => type.mime));

/** Valid UTF-8 without NUL bytes: what a CSV export is, and what no binary format is. */
export function isPlainUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The evidence type decided by the file's content, never by its name alone:
 * PDF, PNG, JPEG and XLSX by their signatures; CSV (which has none) only when
 * the bytes are plain UTF-8 text and the name ends in .csv. Null = refused.
 */
export async function detectEvidenceType(bytes: Uint8Array, fileName: string): Promise<EvidenceMimeType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return ACCEPTED_MIME.has(detected.mime) ? (detected.mime as EvidenceMimeType) : null;
  if (bytes.length > 0 && /\.csv$/i.test(fileName.trim()) && isPlainUtf8Text(bytes)) return "text/csv";
  return null;
}
