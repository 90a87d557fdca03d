import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/http/api/openapi";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const BASE_URL = "https://carbonlabel.example.cn";

/** Every route module under app/api/v1 as (OpenAPI path, exported HTTP methods). */
function routeHandlers(): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1].toLowerCase());
        const route = `/${path.relative(API_DIR, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        found.push({ path: route, methods });
      }
    }
  };
  walk(API_DIR);
  return found;
}

describe("the OpenAPI document of /api/v1", () => {
  const document = openApiDocument(BASE_URL);

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every route handler and method under app/api/v1, and nothing else", () => {
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(10);
    const paths = document.paths as Record<string, Record<string, unknown>>;
    for (const handler of handlers) {
      expect(Object.keys(paths), handler.path).toContain(handler.path);
      expect(Object.keys(paths[handler.path]).sort(), handler.path).toEqual([...handler.methods].sort());
    }
    expect(Object.keys(paths).sort()).toEqual(handlers.map((handler) => handler.path).sort());
  });

  it("names the token endpoint and the scopes each operation needs, on the public base URL", () => {
    expect(document.servers).toEqual([{ url: `${BASE_URL}/api/v1` }]);
    const schemes = (document.components as { securitySchemes: Record<string, { flows: { clientCredentials: { tokenUrl: string } } }> }).securitySchemes;
    expect(schemes.clientCredentials.flows.clientCredentials.tokenUrl).toBe(`${BASE_URL}/auth/token`);
    const operation = (pathName: string, method: string) =>
      (document.paths as Record<string, Record<string, { security: { clientCredentials: string[] }[] }>>)[pathName][method];
    expect(operation("/products", "post").security).toEqual([{ clientCredentials: ["applications:write"] }]);
    expect(operation("/products", "get").security).toEqual([{ clientCredentials: ["applications:read"] }, { clientCredentials: ["applications:write"] }]);
    expect(operation("/certificates", "get").security).toEqual([{ clientCredentials: ["certificates:read"] }]);
  });

  it("takes its request bodies from the forms' zod schemas", () => {
    const schemas = (document.components as { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> }).schemas;
    expect(schemas.ProductInput.required).toEqual(expect.arrayContaining(["nameZh", "hsCode", "declaredUnit", "systemBoundary"]));
    expect(Object.keys(schemas.InventoryLineInput.properties ?? {})).toEqual(expect.arrayContaining(["stage", "quantity", "unit", "source", "allocationShare"]));
    expect(schemas.InventoryLinePage.properties?.data).toEqual({ type: "array", items: { $ref: "#/components/schemas/InventoryLine" } });
  });
});
