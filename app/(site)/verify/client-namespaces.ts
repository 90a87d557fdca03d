/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The credential checker, which runs in the browser: its own strings and the label's, to show what it checked.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["common", "credentials", "labels"] as const;
