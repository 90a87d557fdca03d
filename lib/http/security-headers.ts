/**
 * The security headers of every HTML response (OWASP ASVS 5.0 V3.4), set by proxy.ts with a
 * fresh nonce per request (the public label page's by the router: lib/http/label-page-routes.ts). Next.js reads the nonce from the request's Content-Security-Policy
 * and puts it on its own scripts (bootstrap, RSC payload); 'strict-dynamic' lets those load the
 * page's chunks, and no other script runs. Styles allow inline *attributes*: recharts and
 * React set `style="…"` on elements, which a nonce cannot cover.
 *
 * A page served from the render cache (the public label page) was made once for every visitor,
 * so its inline scripts carry no nonce and their content (the page's data) has no fixed hash:
 * its policy allows inline scripts and scripts from this origin only. That page shows no input
 * of its visitor and React escapes every value it shows, so nothing a visitor sends becomes markup.
 */
type SecurityContext = {
  /** Null for a page served from the render cache. */
  nonce: string | null;
  /** Served over HTTPS (directly or behind a TLS-terminating proxy): HSTS and upgrades apply. */
  https: boolean;
  /** `next dev` evaluates code for fast refresh and needs 'unsafe-eval'; production never does. */
  development: boolean;
};

export function contentSecurityPolicy({ nonce, https, development }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce ? `'nonce-${nonce}' 'strict-dynamic'` : "'unsafe-inline'"}${development ? " 'unsafe-eval'" : ""}`,
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
