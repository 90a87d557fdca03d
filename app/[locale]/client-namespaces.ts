/**
 * Message namespaces the public label page's root layout hands to the browser: only the error
 * page's. The certificate view gets its text as props, translated on the server.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["errorPage"] as const;
