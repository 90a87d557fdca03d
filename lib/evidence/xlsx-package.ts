/**
 * What an XLSX package holds, read from its ZIP structure before any spreadsheet library loads it:
 * a 1.7 MB workbook can inflate to gigabytes or declare a million rows, and a full load would
 * spend seconds and hundreds of megabytes before anything could refuse it. Every entry is inflated
 * here with the remaining budget as its hard output limit (a declared size can lie), and each
 * worksheet's rows are counted in its XML.
 */
import { inflateRawSync } from "node:zlib";

type XlsxLimits = { maxUncompressedBytes: number; maxEntries: number; maxRowsPerSheet: number };
type XlsxInspection = { ok: true } | { ok: false; problem: "unreadable" | "tooLarge" | "tooManyRows" };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW_TAG = /<(?:\w+:)?row[\s>/]/g;

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const last = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= last; offset -= 1) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

export function inspectXlsxPackage(bytes: Uint8Array, limits: XlsxLimits): XlsxInspection {
  if (bytes.byteLength < 22) return { ok: false, problem: "unreadable" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, problem: "unreadable" };
  const entries = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no inventory workbook needs more than 65,535 entries or 4 GB.
  if (entries === 0xffff || directoryOffset === 0xffffffff) return { ok: false, problem: "tooLarge" };
  if (entries > limits.maxEntries) return { ok: false, problem: "tooLarge" };

  let budget = limits.maxUncompressedBytes;
  let cursor = directoryOffset;
  try {
    for (let index = 0; index < entries; index += 1) {
      if (view.getUint32(cursor, true) !== CENTRAL_SIGNATURE) return { ok: false, problem: "unreadable" };
      const method = view.getUint16(cursor + 10, true);
      const compressedSize = view.getUint32(cursor + 20, true);
      const declaredSize = view.getUint32(cursor + 24, true);
      const nameLength = view.getUint16(cursor + 28, true);
      const extraLength = view.getUint16(cursor + 30, true);
      const commentLength = view.getUint16(cursor + 32, true);
      const localOffset = view.getUint32(cursor + 42, true);
      const name = new TextDecoder().decode(bytes.subarray(cursor + 46, cursor + 46 + nameLength));
      cursor += 46 + nameLength + extraLength + commentLength;

      if (declaredSize > budget) return { ok: false, problem: "tooLarge" };
      if (view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) return { ok: false, problem: "unreadable" };
      const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      if (data.byteLength !== compressedSize) return { ok: false, problem: "unreadable" };

      let content: Uint8Array;
      if (method === 0) content = data;
      else if (method === 8) content = inflateRawSync(data, { maxOutputLength: budget + 1 });
      else return { ok: false, problem: "unreadable" };
      if (content.byteLength > budget) return { ok: false, problem: "tooLarge" };
      budget -= content.byteLength;

      if (WORKSHEET.test(name)) {
        const rows = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString("latin1").match(ROW_TAG)?.length ?? 0;
        if (rows > limits.maxRowsPerSheet) return { ok: false, problem: "tooManyRows" };
      }
    }
  } catch (error) {
    // zlib refuses to inflate past maxOutputLength with a RangeError: the package is larger than it says.
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return { ok: false, problem: "tooLarge" };
    return { ok: false, problem: "unreadable" };
  }
  return { ok: true };
}
