/**
 * A request refused for what the client sent (a malformed address, a forged cross-site action):
 * answered 4xx with a reason and logged once as a client error — never as a server error, so a
 * scan of hostile input does not look like an outage in the logs.
 */
type ClientErrorReason = "malformed_path" | "cross_origin_action";

const STATUS: Record<ClientErrorReason, number> = { malformed_path: 400, cross_origin_action: 403 };

export function clientErrorResponse(reason: ClientErrorReason, method: string, pathname: string): Response {
  const status = STATUS[reason];
  console.warn(`[client-error] ${status} ${reason}: ${method} ${pathname.slice(0, 200)}`);
  return Response.json({ error: reason }, { status, headers: { "cache-control": "no-store" } });
}

/** A path whose percent-escapes do not decode to UTF-8 (`/%C0%AF`, `/%E0%A4%A`). */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A server-action POST sent from another site: its Origin names a host other than the one it was
 * sent to. Next.js refuses those too, but with a 500; answering first gives the 403 it is.
 */
export function isCrossOriginAction(headers: Headers): boolean {
  if (!headers.has("next-action")) return false;
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
