/**
 * A "use client" module is shipped to the browser with everything it imports:
 * it must not import the database, data access, domain operations or other
 * server-only modules (their code, and table definitions, would be bundled).
 * Type-only imports are erased and allowed.
 */
const SERVER_ONLY = [/^@\/db(\/|$)/, /^@\/lib\/(dal|domain|auth|audit|notifications|storage|keys|seed|http|pact-delivery|front-cache)(\/|$)/, /^server-only$/, /^node:/, /^@\/lib\/startup$/];

const noServerInClient = {
  meta: {
    type: "problem",
    docs: { description: "forbid server modules in client components" },
    messages: {
      serverImport: "'{{source}}' is server code: a \"use client\" module must not import it (it would reach the browser bundle).",
    },
    schema: [],
  },
  create(context) {
    let isClient = false;
    return {
      Program(node) {
        isClient = node.body.some(
          (statement) => statement.type === "ExpressionStatement" && statement.directive === "use client",
        );
      },
      ImportDeclaration(node) {
        if (!isClient || node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        const source = node.source.value;
        if (SERVER_ONLY.some((pattern) => pattern.test(source))) {
          context.report({ node, messageId: "serverImport", data: { source } });
        }
      },
    };
  },
};

export default noServerInClient;
