import { NextResponse, type NextRequest } from "next/server";
import { databaseOutage } from "@/db/availability";
import { clientErrorResponse, isCrossOriginAction, isMalformedPath } from "@/lib/http/client-error";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";
import { LABEL_PAGE_CACHE_CONTROL } from "@/lib/http/label-page-routes";
import { SESSION_COOKIES } from "@/lib/http/registry-route";
import { isLocale, LOCALE_COOKIE, LOCALES, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import enPlatform from "@/lib/i18n/messages/en/platform.json";
import zhPlatform from "@/lib/i18n/messages/zh-CN/platform.json";

/**
 * Cheap checks before any route runs; real permission checks happen in the data-access layer of
 * every page and action.
 * - While the database is down, every request answers 503 with `Retry-After` (a page that retries
 *   by itself for people, JSON for programs) instead of failing with a 500; the health endpoint
 *   still answers with its own report.
 * - A visitor without a session cookie is sent from the portal areas to /login.
 * - Every page gets the security headers with a fresh script nonce (lib/http/security-headers.ts).
 * - A path that is not UTF-8 answers 400 and a server-action POST from another origin 403, each
 *   logged as a client error (lib/http/client-error.ts), before Next.js would fail them with a 500.
 */
const PROTECTED = ["/enterprise", "/verifier", "/regulator", "/admin", "/account"];
const HEALTH = "/api/health";
const UNAVAILABLE_TEXT: Record<Locale, typeof enPlatform.unavailable> = { en: enPlatform.unavailable, "zh-CN": zhPlatform.unavailable };

function wantsJson(request: NextRequest): boolean {
  return (
    request.nextUrl.pathname.startsWith("/api/") ||
    request.headers.has("next-action") ||
    (request.headers.get("accept") ?? "").includes("application/json")
  );
}

function unavailablePage(locale: Locale, retryAfterSeconds: number): string {
  const text = UNAVAILABLE_TEXT[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${retryAfterSeconds}">
<title>${text.title} · CarbonLabel</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a;line-height:1.5}a{color:#166534}</style>
</head>
<body>
<main>
<h1>${text.title}</h1>
<p>${text.body}</p>
<p><a href="">${text.retry}</a></p>
</main>
</body>
</html>`;
}

/** The visitor's language: their choice in the cookie, else their browser's. */
function visitorLocale(request: NextRequest): Locale {
  const cookieLocale = request.cookies.get(LOCALE_COOKIE)?.value;
  return isLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage(request.headers.get("accept-language"));
}

function serviceUnavailable(request: NextRequest, retryAfterSeconds: number): NextResponse {
  const headers = { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" };
  if (wantsJson(request)) return NextResponse.json({ error: "service_unavailable" }, { status: 503, headers });
  const locale = visitorLocale(request);
  return new NextResponse(unavailablePage(locale, retryAfterSeconds), {
    status: 503,
    headers: { ...headers, "content-type": "text/html; charset=utf-8" },
  });
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/**
 * A file name as the last segment (robots.txt, jwks.json, a download): a file, not a page. An
 * extension starts with a letter, so a version segment (/pact/extensions/…/1.0.0, a page) is no file.
 */
const FILE_PATH = /\/[^/]*\.[a-z][a-z0-9]*$/i;

/**
 * A document is coming back: not the API (its downloads set their own sandboxing policy), not a
 * file, not a server-action POST (an RSC payload, possibly carrying a large upload), not a prefetch.
 */
function isPageRequest(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return (
    !pathname.startsWith("/api/") &&
    !FILE_PATH.test(pathname) &&
    !request.headers.has("next-action") &&
    !request.headers.has("next-router-prefetch") &&
    request.headers.get("purpose") !== "prefetch"
  );
}

/**
 * A path of the public label page that still comes here (a malformed number: well-formed ones
 * skip the proxy, see the matcher). The router sends it to the page, served from the render
 * cache too ("no such certificate").
 */
const LABEL_PAGE = new RegExp(`^(?:/(${LOCALES.join("|")}))?/labels/([^/]+)$`);

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isMalformedPath(pathname)) return clientErrorResponse("malformed_path", request.method, pathname);
  if (request.method === "POST" && isCrossOriginAction(request.headers)) {
    return clientErrorResponse("cross_origin_action", request.method, pathname);
  }
  const outage = pathname === HEALTH ? null : await databaseOutage();
  if (outage) return serviceUnavailable(request, outage.retryAfterSeconds);

  const page = isPageRequest(request);
  // A cached page was rendered for everyone: it cannot carry this response's nonce.
  const cachedPage = LABEL_PAGE.test(pathname);
  const headers = page
    ? securityHeaders({ nonce: cachedPage ? null : newNonce(), https: isHttps(request), development: process.env.NODE_ENV === "development" })
    : null;
  let response: NextResponse;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
  } else if (headers) {
    // Next.js takes the nonce for its own scripts from the policy on the request.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next();
  }
  if (cachedPage) response.headers.set("Cache-Control", LABEL_PAGE_CACHE_CONTROL);
  for (const [name, value] of Object.entries(headers ?? {})) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files, robots.txt (a file that needs none of this) and the
  // public label page with a well-formed number, whose rules are the router's
  // (lib/http/label-page-routes.ts): every other route answers 503 during an outage. A literal:
  // Next.js reads the matcher from the source.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt$|(?:(?:zh-CN|en)/)?labels/[A-Za-z0-9-]+$).*)"],
};
