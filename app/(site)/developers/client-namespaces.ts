/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The interactive API reference.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["developers"] as const;
