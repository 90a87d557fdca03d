/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The mark-as-read buttons: only the messages their action answers with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["errors", "platform", "validation"] as const;
