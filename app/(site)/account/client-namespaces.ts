/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The password change form, "sign out everywhere" and the messages they answer with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["errors", "password", "platform", "security", "validation"] as const;
