/**
 * Where to send the browser after sign-in: a path on this site, or nothing. The value is
 * parsed the way a browser will resolve it (WHATWG URL, against a stand-in origin for this
 * site) and must stay on that origin. Control characters and backslashes are refused outright:
 * browsers drop tabs and newlines and read `\` as `/`, which turns `/\t/evil.example` or
 * `/\evil.example` into another host. The result is the re-serialized path, so what the browser
 * gets is exactly what was checked; a path that still starts with `//` (e.g. from `/.//host`)
 * would be protocol-relative and is refused too.
 */
const THIS_SITE = "https://carbonlabel.invalid";

export function safeCallbackPath(callback: string | null | undefined): string | null {
  if (!callback || callback.length > 2_000) return null;
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(callback)) return null;
  if (!callback.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(callback, THIS_SITE);
  } catch {
    return null;
  }
  if (url.origin !== THIS_SITE || url.username || url.password) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}
