/**
 * `Content-Disposition: attachment` with the original file name: an ASCII
 * fallback for old clients plus the exact UTF-8 name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  return disposition("attachment", fileName);
}

/** `Content-Disposition: inline`, the same names: the browser shows the file and "save" keeps its name. */
export function inlineDisposition(fileName: string): string {
  return disposition("inline", fileName);
}

function disposition(kind: "attachment" | "inline", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "download";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
