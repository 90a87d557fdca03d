/**
 * The layers of the code base, lowest first. A file may import from its own
 * folder and from folders of a strictly lower rank, never upwards and never
 * sideways into another folder of the same rank — so no two folders can
 * import each other, directly or around a circle. ARCHITECTURE.md explains
 * each layer; keep the two in step.
 */
const LAYERS = [
  { rank: 0, name: "ground", paths: ["lib/enums.ts", "lib/errors.ts", "lib/result.ts", "lib/service-health.ts", "lib/utils.ts"] },
  { rank: 1, name: "i18n", paths: ["lib/i18n"] },
  { rank: 2, name: "calc", paths: ["lib/calc"] },
  { rank: 2, name: "regions", paths: ["lib/regions.ts"] },
  { rank: 3, name: "policy", paths: ["lib/policy"] },
  { rank: 4, name: "catalog", paths: ["lib/catalog"] },
  { rank: 5, name: "certificate rendering", paths: ["lib/certificates"] },
  { rank: 6, name: "validation", paths: ["lib/validation"] },
  { rank: 7, name: "rules", paths: ["lib/rules"] },
  { rank: 8, name: "evidence rules", paths: ["lib/evidence"] },
  { rank: 8, name: "regulator rules", paths: ["lib/regulator"] },
  { rank: 8, name: "credentials", paths: ["lib/credentials"] },
  { rank: 9, name: "import parsing", paths: ["lib/import"] },
  { rank: 9, name: "pact model", paths: ["lib/pact"] },
  { rank: 10, name: "database", paths: ["db"] },
  { rank: 11, name: "auth", paths: ["lib/auth"] },
  { rank: 11, name: "audit", paths: ["lib/audit"] },
  { rank: 11, name: "notifications", paths: ["lib/notifications"] },
  { rank: 11, name: "storage", paths: ["lib/storage"] },
  { rank: 11, name: "key encryption", paths: ["lib/keys"] },
  { rank: 11, name: "jobs runtime", paths: ["lib/jobs"] },
  { rank: 11, name: "pact partner client", paths: ["lib/pact-client"] },
  { rank: 11, name: "front cache", paths: ["lib/front-cache"] },
  { rank: 12, name: "data access", paths: ["lib/dal"] },
  { rank: 13, name: "domain", paths: ["lib/domain"] },
  { rank: 14, name: "server actions", paths: ["lib/actions"] },
  { rank: 14, name: "http adapters", paths: ["lib/http"] },
  { rank: 14, name: "seeds and start-up", paths: ["lib/seed", "lib/startup.ts"] },
  { rank: 14, name: "pact event delivery", paths: ["lib/pact-delivery"] },
  { rank: 14, name: "mail delivery", paths: ["lib/mail"] },
  { rank: 15, name: "components", paths: ["components"] },
  { rank: 15, name: "job handlers", paths: ["lib/job-handlers"] },
  { rank: 16, name: "app", paths: ["app"] },
];

/** Module specifiers (`@/…`) of a layer's paths, for no-restricted-imports patterns. */
function specifiers(layer) {
  return layer.paths.flatMap((p) => {
    const bare = p.replace(/\.ts$/, "");
    return p.endsWith(".ts") ? [`@/${bare}`] : [`@/${bare}`, `@/${bare}/**`];
  });
}

function fileGlobs(layer) {
  return layer.paths.map((p) => (p.endsWith(".ts") ? p : `${p}/**/*.{ts,tsx,mjs}`));
}

/**
 * One flat-config block per layer forbidding imports of every layer at the
 * same or a higher rank (other than itself). Row types of `db/schema` may be
 * imported as types from anywhere: types are erased and carry no table.
 */
export function layerRules() {
  return LAYERS.map((layer) => {
    const above = LAYERS.filter((other) => other !== layer && other.rank >= layer.rank);
    const patterns = above.map((other) => ({
      group: specifiers(other),
      allowTypeImports: other.name === "database",
      message: `${layer.name} (layer ${layer.rank}) must not import ${other.name} (layer ${other.rank}): layers point downwards only (ARCHITECTURE.md).`,
    }));
    return {
      name: `carbonlabel/layer-${layer.name}`,
      files: fileGlobs(layer),
      rules: {
        "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
      },
    };
  });
}
