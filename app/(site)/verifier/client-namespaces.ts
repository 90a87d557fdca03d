/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The verification body's forms, and the messages their actions and schemas answer with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["apiClients", "applications", "certificates", "common", "credentials", "errors", "evidence", "findings", "inventory", "platform", "reports", "validation", "verifier"] as const;
