// Imported by next.config.ts too: no `@/` imports here (its loader resolves them from the
// importing file's folder), and nothing that needs the server.

/** Auth.js's session cookie, over HTTP and over HTTPS: a request without either has no session. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

/**
 * `/registry` for a visitor who is not signed in, loading the page (not the router asking for
 * its payload: that request carries `RSC`): the registry as HTML without scripts
 * (app/(site)/registry/static/route.tsx). A signed-in visitor's header is theirs, and the
 * router's navigation within the site needs the page's payload: both get the App Router page.
 */
export function registryRewrite() {
  return {
    source: "/registry",
    missing: [...SESSION_COOKIES.map((key) => ({ type: "cookie" as const, key })), { type: "header" as const, key: "rsc" }],
    destination: "/registry/static",
  };
}
