/**
 * A partner's PACT host is named by its base URL: the platform replies to `{base}/3/events`,
 * after authenticating at `{base}/auth/token` (or the token endpoint its OpenID configuration
 * names). PACT hosts speak HTTPS only, so nothing else is registered or called.
 */

/** The normalized base URL (https, no credentials, query, fragment or trailing slash), or null. */
export function normalizePartnerBaseUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.search || url.hash || !url.hostname) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * Whether a CloudEvent `source` lies under a partner's base URL: same origin, and the source's
 * path is the base path or below it. A scheme-relative source (`//host/3/events`, as the PACT
 * examples write it) is read as https.
 */
export function sourceBelongsTo(source: string, baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(source.startsWith("//") ? `https:${source}` : source);
  } catch {
    return false;
  }
  const base = new URL(baseUrl);
  if (url.protocol !== "https:" || url.origin !== base.origin) return false;
  const basePath = base.pathname.replace(/\/+$/, "");
  const path = url.pathname.replace(/\/+$/, "");
  return path === basePath || path.startsWith(`${basePath}/`);
}

const FOOTPRINT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where a partner's footprint is read: `{base}/3/footprints/{id}` for a footprint id, or the URL
 * given when it is exactly that under the partner's base URL (https, same origin, the base path,
 * one footprint id; no credentials, query or fragment). Anything else is null: the platform never
 * fetches an address the partner's registration does not cover.
 */
export function partnerFootprintUrl(baseUrl: string, reference: string): string | null {
  const trimmed = reference.trim();
  if (FOOTPRINT_ID.test(trimmed)) return `${baseUrl}/3/footprints/${trimmed.toLowerCase()}`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const base = new URL(baseUrl);
  if (url.protocol !== "https:" || url.origin !== base.origin || url.username || url.password || url.search || url.hash) return null;
  const prefix = `${base.pathname.replace(/\/+$/, "")}/3/footprints/`;
  if (!url.pathname.startsWith(prefix)) return null;
  const id = url.pathname.slice(prefix.length);
  return FOOTPRINT_ID.test(id) ? `${baseUrl}/3/footprints/${id.toLowerCase()}` : null;
}
