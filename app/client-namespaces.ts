/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The root layout's client components: the header's language switcher and menu, the error page (its own namespace, so public pages do not carry the shared strings).
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["errorPage", "nav"] as const;
