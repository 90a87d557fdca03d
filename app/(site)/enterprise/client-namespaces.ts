/**
 * Message namespaces this layout hands to the browser (components/layout/client-messages.tsx).
 * The enterprise area's forms, and the messages their actions and schemas answer with.
 * tests/unit/foundation/client-namespaces.test.ts checks the list against the code below this folder.
 */
export const CLIENT_NAMESPACES = ["apiClients", "applications", "batteryDeclaration", "certificates", "common", "credentials", "enterprise", "errors", "evidence", "findings", "import", "inventory", "pact", "platform", "scenarios", "supply", "validation", "verifier"] as const;
