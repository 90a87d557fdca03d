import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "../db/schema";
import * as enums from "../lib/enums";
import { INVENTORY_IMPORT_COLUMNS } from "../lib/import/inventory-columns";
import { FACTOR_CSV_COLUMNS } from "../lib/regulator/factor-csv";

/**
 * What the browser receives carries no server internals, and the public pages
 * stay small. Measured on the production build the e2e server serves.
 */
const STATIC_DIR = path.resolve(__dirname, "..", process.env.E2E_DIST_DIR || ".next-e2e", "static");
/** The landing page and the public certificate page (issue 10 and 15): 25 KB of HTML each. */
const MAX_PUBLIC_HTML_BYTES = 25_000;

/** Words the client legitimately uses that are also column names: enum values, the import files' column headers, zod's own check names. */
const CLIENT_VOCABULARY = new Set<string>([
  ...Object.values(enums).flatMap((value) => (Array.isArray(value) ? (value as string[]) : [])),
  ...INVENTORY_IMPORT_COLUMNS,
  ...Object.keys(FACTOR_CSV_COLUMNS),
  "mime_type",
]);

const tables = Object.values(schema).flatMap((value) => (is(value, PgTable) ? [getTableConfig(value)] : []));

/**
 * Names only the table definitions carry: table names of more than one word, index names and
 * column names (a single-word table name such as "users" is also an ordinary word of the UI; a
 * bundled definition would still show through the drizzle markers and its columns).
 */
const SCHEMA_NAMES = [
  ...new Set(
    tables.flatMap((table) => [
      table.name,
      ...table.columns.map((column) => column.name),
      ...table.indexes.flatMap((index) => (index.config.name ? [index.config.name] : [])),
    ]),
  ),
].filter((name) => name.includes("_") && !CLIENT_VOCABULARY.has(name));

function staticFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return staticFiles(full);
    return /\.(js|css|json|txt|html)$/.test(entry.name) ? [full] : [];
  });
}

test.describe("the browser bundle and the public pages", () => {
  test("no file under the build's static/ carries a table definition or a schema name", () => {
    expect(tables.length).toBeGreaterThan(20);
    expect(SCHEMA_NAMES).toEqual(expect.arrayContaining(["audit_events", "prev_hash", "product_categories"]));
    const files = staticFiles(STATIC_DIR);
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const where = path.relative(STATIC_DIR, file);
      for (const marker of ["drizzle:Name", "drizzle:Columns", "drizzle:IsDrizzleTable"]) {
        if (text.includes(marker)) found.push(`${where}: ${marker}`);
      }
      for (const name of SCHEMA_NAMES) {
        if (new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(text)) found.push(`${where}: ${name}`);
      }
      for (const table of tables) {
        // The shape of a bundled definition: pgTable("users", { … }).
        if (new RegExp(`["'\`]${table.name}["'\`]\\s*,\\s*\\{`).test(text)) found.push(`${where}: table ${table.name}`);
      }
    }
    expect(found).toEqual([]);
  });

  test("the HTML of the landing page and of a public label page is at most 25 KB in each language", async ({ request }) => {
    const registry = await request.get("/registry");
    expect(registry.status()).toBe(200);
    const number = /\/labels\/(CFP-[A-Z0-9-]+)/.exec(await registry.text())?.[1];
    expect(number, "the demo pilot has a certificate in the public registry").toBeTruthy();

    for (const locale of ["zh-CN", "en"]) {
      for (const url of ["/", `/labels/${number}`]) {
        const response = await request.get(url, { headers: { cookie: `NEXT_LOCALE=${locale}`, accept: "text/html" } });
        expect(response.status()).toBe(200);
        const bytes = (await response.body()).length;
        test.info().annotations.push({ type: "html-bytes", description: `${url} (${locale}): ${bytes}` });
        console.log(`[bundle] ${url} (${locale}): ${bytes} bytes of HTML`);
        expect(bytes, `${url} in ${locale}`).toBeLessThanOrEqual(MAX_PUBLIC_HTML_BYTES);
      }
    }
  });
});
