/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The operator's forms, and the messages their actions and schemas answer with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["admin", "common", "credentials", "errors", "factors", "password", "platform", "security", "validation"] as const;
