import fs from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, Td, Th } from "@/components/ui/table";

const GLOBAL_CSS = fs.readFileSync(path.join(__dirname, "../../../app/globals.css"), "utf8");

function cellsOf(html: string): string[] {
  return [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(([, inner]) => inner.replace(/<[^>]+>/g, "|"));
}

describe("Table on a phone", () => {
  it("gives every body cell its column's heading, skipping columns that are not rendered", () => {
    const editable = false;
    const html = renderToStaticMarkup(
      h(
        Table,
        null,
        h("thead", null, h("tr", null, h(Th, null, "Product"), editable ? h(Th, null, "Actions") : null, h(Th, null, "Footprint (kg CO₂e / 件)"))),
        h(
          "tbody",
          null,
          [1, 2].map((row) => h("tr", { key: row }, h(Td, null, `Laptop ${row}`), editable ? h(Td, null, "edit") : null, h(Td, null, "12.0"))),
        ),
      ),
    );
    expect(cellsOf(html)).toEqual([
      "|Product||Laptop 1|",
      "|Footprint (kg CO₂e / 件)||12.0|",
      "|Product||Laptop 2|",
      "|Footprint (kg CO₂e / 件)||12.0|",
    ]);
    // The heading beside a value is for phones only; wide screens keep the table's own header row.
    expect(html).toContain('class="ui-td-label"');
    expect(GLOBAL_CSS).toMatch(/\.ui-td-label \{\s*@apply [^;]*\bsm:hidden;/);
  });

  it("leaves a table without a header row as it is", () => {
    const html = renderToStaticMarkup(h(Table, null, h("tbody", null, h("tr", null, h(Td, null, "only")))));
    expect(cellsOf(html)).toEqual(["only"]);
  });
});
