import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The layer rules are only worth something if a wrong-way import fails the
 * lint: these lint source text as if it lived at the given path, with the
 * project's own ESLint configuration.
 */
const root = path.resolve(import.meta.dirname, "../../..");
// The cycle rule reads imported files from disk, so it is checked on real files below.
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } });

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("layer rules", () => {
  it("refuse an import from a higher layer", async () => {
    const messages = await lintAs(
      "lib/calc/wrong-way.ts",
      'import { listUsers } from "@/lib/dal/admin-directory";\nexport const users = listUsers;\n',
    );
    expect(messages).toEqual([expect.stringMatching(/no-restricted-imports: .*calc \(layer 2\) must not import data access/)]);
  });

  it("refuse an import sideways into another folder of the same rank", async () => {
    const messages = await lintAs("lib/regulator/sideways.ts", 'import { MAX_EVIDENCE_BYTES } from "@/lib/evidence/rules";\nexport const max = MAX_EVIDENCE_BYTES;\n');
    expect(messages).toEqual([expect.stringMatching(/regulator rules \(layer 8\) must not import evidence rules \(layer 8\)/)]);
  });

  it("allow an import from a lower layer, and row types of the schema from anywhere", async () => {
    expect(await lintAs("lib/dal/right-way.ts", 'import { formatSignificant } from "@/lib/calc/format";\nexport const f = formatSignificant;\n')).toEqual([]);
    expect(await lintAs("lib/calc/row-type.ts", 'import type { Product } from "@/db/schema";\nexport type P = Product;\n')).toEqual([]);
    expect(await lintAs("lib/calc/row-value.ts", 'import { products } from "@/db/schema";\nexport const p = products;\n')).toEqual([
      expect.stringMatching(/calc \(layer 2\) must not import database/),
    ]);
  });

  it("refuse server modules in a client component, but not their types", async () => {
    const messages = await lintAs("components/wrong-client.tsx", '"use client";\nimport { db } from "@/db";\nexport const x = db;\n');
    expect(messages).toEqual([expect.stringMatching(/carbonlabel\/no-server-in-client/)]);
    expect(await lintAs("components/type-client.tsx", '"use client";\nimport type { Product } from "@/db/schema";\nexport type P = Product;\n')).toEqual([]);
  });

  it("refuse a relative import of another folder", async () => {
    const messages = await lintAs("app/enterprise/products/new/relative.tsx", 'import { x } from "../shared";\nexport const y = x;\n');
    expect(messages.some((message) => message.startsWith("no-restricted-imports:"))).toBe(true);
  });
}, 60_000);

describe("cycle rule", () => {
  const dir = path.join(root, "tests", `.cycle-${process.pid}`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses two files that import each other", async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
    fs.writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
    const results = await new ESLint({ cwd: root }).lintFiles([path.join(dir, "a.ts")]);
    expect(results[0].messages.map((message) => message.ruleId)).toContain("import/no-cycle");
  });
}, 60_000);
