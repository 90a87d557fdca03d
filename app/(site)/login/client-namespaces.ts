/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The sign-in form and the messages sign-in answers with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["auth", "errors", "password", "security", "validation"] as const;
