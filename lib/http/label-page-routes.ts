import type { Locale } from "@/lib/i18n/config";
// Same folder, relative: next.config.ts loads this module, and its loader resolves `@/` imports
// from the importing file's folder, not the project's (lib/i18n's values come as arguments).
import { securityHeaders } from "./security-headers";

/**
 * The public label page's routing, as router rules of next.config.ts rather than proxy code.
 * Its address is the most requested of the site (every scan of a label) and it is served from
 * the render cache; running the proxy costs more than serving the cached page itself, so proxy.ts
 * does not match it (its matcher leaves out `/labels/N` and `/<language>/labels/N` with N
 * well-formed) and the router does its work here:
 * - `/labels/N` asked for as JSON goes to the JSON route, as a page (HTML or the router's
 *   payload) to the page in the visitor's language: the language cookie, else the first of ours
 *   in Accept-Language (as localeFromAcceptLanguage), else the default;
 * - the page's security headers, with the policy of a page without scripts, and its Cache-Control.
 */

/** A well-formed certificate number, in either case (the page normalizes it). */
const NUMBER = "[A-Za-z0-9-]+";

/** lib/i18n/config.ts's languages, default and cookie. */
export type SiteLanguages = { locales: readonly Locale[]; defaultLocale: Locale; cookie: string };

/** Whether a header's value asks for JSON (the router matches `^(?:…)$` on the whole value). */
const ASKS_FOR_JSON = ".*application/json.*";

/**
 * Accept-Language whose first tag in zh or en is en, the same choice as localeFromAcceptLanguage:
 * any tags of other languages (and empty ones) may come first. A skipped tag may not start with a
 * space, so the leading spaces are all taken by `[ \t]*` and the look-ahead sees the tag itself.
 */
export const ENGLISH_FIRST_ACCEPT_LANGUAGE = "(?:[ \\t]*(?![ \\t]|[zZ][hH]|[eE][nN])[^,]*,)*[ \\t]*[eE][nN].*";

type HasCondition = { type: "header" | "cookie"; key: string; value?: string };
type Rewrite = { source: string; destination: string; has?: HasCondition[]; missing?: HasCondition[] };
type HeaderRule = { source: string; headers: { key: string; value: string }[]; has?: HasCondition[]; missing?: HasCondition[] };

/**
 * The printed address, whatever the number: a malformed one (which reaches the proxy first) gets
 * the page's "no such certificate", or the JSON route's 404, like an unknown one.
 */
const PRINTED = "/labels/:number";
const wantsJson: HasCondition = { type: "header", key: "accept", value: ASKS_FOR_JSON };

/** In order: the first rule whose conditions hold applies (fewer rules: the router tries each on every request). */
export function labelPageRewrites({ locales, defaultLocale, cookie }: SiteLanguages): Rewrite[] {
  const toPage = (locale: string) => `/${locale}/labels/:number`;
  return [
    // A route handler cannot share the page's path: the JSON form is its own route.
    { source: PRINTED, has: [wantsJson], destination: "/api/labels/:number" },
    { source: PRINTED, has: [{ type: "cookie", key: cookie, value: `(?<language>${locales.join("|")})` }], destination: toPage(":language") },
    { source: PRINTED, has: [{ type: "header", key: "accept-language", value: ENGLISH_FIRST_ACCEPT_LANGUAGE }], destination: toPage("en") },
    { source: PRINTED, destination: toPage(defaultLocale) },
  ];
}

/**
 * The page's response headers. HSTS and upgrade-insecure-requests only behind HTTPS: Caddy (or
 * any TLS-terminating proxy) says so in X-Forwarded-Proto, as proxy.ts reads it for other pages.
 */
export function labelPageHeaders({ locales }: { locales: readonly Locale[] }): HeaderRule[] {
  const overHttps: HasCondition = { type: "header", key: "x-forwarded-proto", value: "https" };
  // `/labels/N` and `/<language>/labels/N` in one source (the segment before is optional), N
  // well-formed: the paths the proxy leaves out; it gives the others the same headers.
  const source = `/:locale(${locales.join("|")})?/labels/:number(${NUMBER})`;
  return [false, true].map((https) => ({
    source,
    headers: Object.entries({
      // The page has no scripts, in development too (no nonce: no script may run).
      ...securityHeaders({ nonce: null, https, development: false }),
      "Cache-Control": LABEL_PAGE_CACHE_CONTROL,
    }).map(([key, value]) => ({ key, value })),
    ...(https ? { has: [overHttps] } : {}),
    missing: https ? [wantsJson] : [wantsJson, overHttps],
  }));
}

/**
 * Next.js would let a shared cache serve the page for a minute, to everyone, with no language in
 * its Vary: instead a cache asks again every time, so a status change and the language both hold.
 */
export const LABEL_PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate";
