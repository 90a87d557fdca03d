/** The last path segment of a client-supplied file name, without control characters, at most 255 long. */
export function cleanUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
}
