/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The reset and confirmation forms and the messages their actions answer with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["errors", "password", "platform", "security", "validation"] as const;
