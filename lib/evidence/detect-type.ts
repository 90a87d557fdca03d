import "server-only";

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
