/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The sign-up form and the messages sign-up and sign-in answer with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["auth", "common", "errors", "password", "platform", "security", "signup", "validation"] as const;
