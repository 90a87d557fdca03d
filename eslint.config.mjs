import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layerRules } from "./eslint-rules/layers.mjs";
import noServerInClient from "./eslint-rules/no-server-in-client.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    name: "carbonlabel/structure",
    plugins: { carbonlabel: { rules: { "no-server-in-client": noServerInClient } } },
    // Dependencies are not part of the import graph the cycle check walks.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "carbonlabel/no-server-in-client": "error",
      // No file imports itself back through others; folders are kept acyclic by the layer ranks.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    name: "carbonlabel/alias-imports",
    files: ["lib/**", "db/**", "components/**", "app/**"],
    rules: {
      // Reach other folders through the `@/` alias, so the layer rules see every import.
      "no-restricted-imports": ["error", { patterns: [{ group: ["../*"], message: "Import other folders through '@/…'." }] }],
    },
  },
  ...layerRules(),
  globalIgnores([".next*/**", ".data/**", "drizzle/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
