/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The root layout's client components: the error page (its own namespace, so public pages do not carry the shared strings). The header's menu and language switcher take their labels as props.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["errorPage"] as const;
