/**
 * The security headers of every HTML response (OWASP ASVS 5.0 V3.4), set by proxy.ts with a
 * fresh nonce per request (the public label page's by the router: lib/http/label-page-routes.ts). Next.js reads the nonce from the request's Content-Security-Policy
 * and puts it on its own scripts (bootstrap, RSC payload); 'strict-dynamic' lets those load the
 * page's chunks, and no other script runs. Styles allow inline *attributes*: recharts and
 * React set `style="…"` on elements, which a nonce cannot cover.
 *
 * The public label page is sent without scripts (app/[locale]/labels/[certificateNumber]/route.tsx)
 * and was made once for every visitor, so it has no nonce: its policy allows no script at all.
 */
type SecurityContext = {
  /** Null for a page sent without scripts: the public label page, served from the render cache. */
  nonce: string | null;
  /** Served over HTTPS (directly or behind a TLS-terminating proxy): HSTS and upgrades apply. */
  https: boolean;
  /** `next dev` evaluates code for fast refresh and needs 'unsafe-eval'; production never does. */
  development: boolean;
};

export function contentSecurityPolicy({ nonce, https, development }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}` : "script-src 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(context),
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Reset and verification links carry tokens in their URL: nothing leaves the site in a Referer.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(context.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** 128 random bits, base64: a new one for every response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
