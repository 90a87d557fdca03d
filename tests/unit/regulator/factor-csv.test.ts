import { describe, expect, it } from "vitest";
import { parseFactorCsv } from "@/lib/regulator/factor-csv";

const HEADER = "factor_key,name_zh,name_en,category,value,unit,region,year,source,gwp_basis,emission_category";

describe("parseFactorCsv", () => {
  it("reads valid rows, defaulting the GWP basis and emission category", () => {
    const csv = `\uFEFF${HEADER}\ncn.steam.2025,蒸汽,Steam,energy,0.11,MJ,CN,2025,Test source,,\r\ncn.water.2025,自来水,Tap water,material,0.00017,kg,CN,2025,"Source, with comma",AR6,fossil\n`;
    const result = parseFactorCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({ factorKey: "cn.steam.2025", value: "0.11", unit: "MJ", year: 2025, gwpBasis: "AR6", emissionCategory: "fossil" });
    expect(result.rows[1].source).toBe("Source, with comma");
  });

  it("reports every bad row with its line and column, and imports nothing", () => {
    const csv = [
      HEADER,
      "cn.ok.2025,好,Good,energy,1,kWh,CN,2025,Src,AR6,fossil",
      "Bad Key,坏,Bad,energy,abc,furlong,CN,1800,Src,AR6,fossil",
      "cn.ok.2025,重复,Duplicate,energy,2,kWh,CN,2025,Src,AR6,fossil",
    ].join("\n");
    const result = parseFactorCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { line: 3, field: "factor_key", message: "factors.errors.keyFormat" },
        { line: 3, field: "value", message: "validation.number" },
        { line: 3, field: "unit", message: "factors.errors.unknownUnit" },
        expect.objectContaining({ line: 3, field: "year" }),
        { line: 4, field: "factor_key", message: "factors.errors.duplicateKey?line=2" },
      ]),
    );
    expect(result.errors.some((error) => error.line === 2)).toBe(false);
  });

  it("refuses a file without the required columns or without rows", () => {
    const missing = parseFactorCsv("factor_key,value\nx,1");
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0].message).toMatch(/^factors\.errors\.missingColumns\?columns=name_zh/);
    const empty = parseFactorCsv(`${HEADER}\n`);
    expect(empty).toEqual({ ok: false, errors: [{ line: 1, field: null, message: "factors.errors.noRows" }] });
  });
});
