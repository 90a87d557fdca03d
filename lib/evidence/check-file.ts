import "server-only";
import { inflateSync } from "node:zlib";
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument } from "pdf-lib";
import { EVIDENCE_TYPES, type EvidenceMimeType } from "./rules";
import { inspectXlsxPackage } from "./xlsx-package";

/**
 * An upload is evidence only when three things agree: its name's extension is on the allow-list,
 * its content is of that very type, and the content is whole (the PDF parses, the image decodes,
 * the CSV is text, the workbook is a workbook). A polyglot, a renamed executable, markup named
 * .csv or a few magic bytes alone are refused, and so is a name that hides its real extension
 * behind bidirectional-text controls.
 */
type EvidenceCheck =
  | { ok: true; mimeType: EvidenceMimeType; fileName: string }
  | { ok: false; message: "evidence.errors.type" | "evidence.errors.mismatch" | "evidence.errors.damaged" | "evidence.errors.fileName" };

const EXTENSIONS: Record<string, EvidenceMimeType> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
};

/** Right-to-left override and its kin: `invoice\u202Efdp.exe` shows as "invoiceexe.pdf". */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Markup a browser would run if it ever rendered the "CSV". */
const MARKUP = /^\s*<|<\s*\/?\s*(script|html|svg|iframe|object|embed|body|meta)\b/i;
/** A first line that reads as JavaScript rather than as a header row. */
const SCRIPT_START =
  /^\s*(\/\/|\/\*|#!|(function|class|import|export|async|await|return|if|for|while|try|throw|new)\b|(var|let|const)\s+[\w$]+|\(\s*(function|\(|[\w$]+\s*=>)|!function|[\w$.]+\s*(=|\()[^,]*$)/;
/** Control characters no spreadsheet export contains (tab, line breaks and form feed aside). */
const CONTROL = /[\u0001-\u0008\u000B\u000E-\u001F\u007F]/;

function canonicalExtension(mime: EvidenceMimeType): string {
  return EVIDENCE_TYPES.find((type) => type.mime === mime)?.extension ?? "bin";
}

function decodes(bytes: Uint8Array, encoding: "utf-8" | "gb18030"): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text in UTF-8 or GB18030 (what Excel in Chinese saves), no NUL, no markup. */
function isCsvText(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  const utf8 = decodes(bytes, "utf-8");
  if (!utf8 && !decodes(bytes, "gb18030")) return false;
  const text = new TextDecoder(utf8 ? "utf-8" : "gb18030").decode(bytes).replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0];
  return !CONTROL.test(text) && !MARKUP.test(text.slice(0, 64 * 1024)) && !SCRIPT_START.test(firstLine);
}

async function isWholePdf(bytes: Uint8Array): Promise<boolean> {
  try {
    const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    return document.getPageCount() > 0;
  } catch {
    return false;
  }
}

/** PNG chunks from IHDR to IEND, and image data that inflates to what the header promises. */
function isWholePng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Uint8Array[] = [];
  let first = true;
  while (offset + 12 <= bytes.byteLength) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > bytes.byteLength) return false;
    if (first && type !== "IHDR") return false;
    first = false;
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
    }
    if (type === "IDAT") data.push(bytes.subarray(offset + 8, offset + 8 + length));
    if (type === "IEND") {
      if (width === 0 || height === 0 || data.length === 0) return false;
      try {
        // At most 8 bytes a pixel (16-bit RGBA) plus a filter byte a row.
        const pixels = inflateSync(Buffer.concat(data), { maxOutputLength: Math.min(height * (width * 8 + 1), 512 * 1024 * 1024) });
        return pixels.byteLength > 0;
      } catch {
        return false;
      }
    }
    offset += 12 + length;
  }
  return false;
}

/** JPEG segments from SOI through a frame header with a size to the scan, and EOI at the end. */
function isWholeJpeg(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  if (bytes[bytes.byteLength - 2] !== 0xff || bytes[bytes.byteLength - 1] !== 0xd9) return false;
  let offset = 2;
  let framed = false;
  while (offset + 4 <= bytes.byteLength) {
    if (bytes[offset] !== 0xff) return false;
    const marker = bytes[offset + 1];
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (length < 2 || offset + 2 + length > bytes.byteLength) return false;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      const height = (bytes[offset + 5] << 8) | bytes[offset + 6];
      const width = (bytes[offset + 7] << 8) | bytes[offset + 8];
      framed = height > 0 && width > 0;
    }
    if (marker === 0xda) return framed && offset + 2 + length < bytes.byteLength - 2;
    offset += 2 + length;
  }
  return false;
}

function isWorkbook(bytes: Uint8Array): boolean {
  const inspection = inspectXlsxPackage(bytes, { maxUncompressedBytes: 128 * 1024 * 1024, maxEntries: 5_000, maxRowsPerSheet: 1_048_576 });
  if (!inspection.ok) return false;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return text.includes("[Content_Types].xml") && text.includes("xl/workbook.xml");
}

async function isWhole(mime: EvidenceMimeType, bytes: Uint8Array): Promise<boolean> {
  switch (mime) {
    case "application/pdf":
      return isWholePdf(bytes);
    case "image/png":
      return isWholePng(bytes);
    case "image/jpeg":
      return isWholeJpeg(bytes);
    case "text/csv":
      return isCsvText(bytes);
    default:
      return isWorkbook(bytes);
  }
}

/**
 * Checks one upload whose name was cleaned by `cleanUploadName`. On success the name is the
 * canonical one stored and offered for download: the original base with the type's own
 * extension (`Scan.JPEG` → `Scan.jpg`).
 */
export async function checkEvidenceFile(bytes: Uint8Array, fileName: string): Promise<EvidenceCheck> {
  if (BIDI_CONTROLS.test(fileName)) return { ok: false, message: "evidence.errors.fileName" };
  const match = /^(.+)\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  const claimed = match ? EXTENSIONS[match[2].toLowerCase()] : undefined;
  if (!match || !claimed) return { ok: false, message: "evidence.errors.type" };
  const detected = await fileTypeFromBuffer(bytes);
  const actual = detected ? detected.mime : claimed === "text/csv" ? "text/csv" : null;
  if (actual !== claimed) return { ok: false, message: actual ? "evidence.errors.mismatch" : "evidence.errors.type" };
  if (!(await isWhole(claimed, bytes))) return { ok: false, message: "evidence.errors.damaged" };
  return { ok: true, mimeType: claimed, fileName: `${match[1]}.${canonicalExtension(claimed)}` };
}
