import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { GET as templateGET } from "@/app/api/templates/inventory/route";
import { INVENTORY_IMPORT_COLUMNS, TEMPLATE_EXAMPLE_ROWS, type ImportColumn } from "@/lib/import/inventory-columns";
import {
  parseInventoryCsv,
  parseInventoryFile,
  validateInventoryRows,
  type ImportContext,
  type ImportRow,
} from "@/lib/import/inventory-import";

const ELECTRICITY_ID = "00000000-0000-4000-8000-000000000001";
const context: ImportContext = {
  applicationId: "00000000-0000-4000-8000-0000000000aa",
  boundary: "cradle_to_gate",
  factors: new Map([
    ["cn.electricity.national.2024", { id: ELECTRICITY_ID, unit: "kWh", emissionCategory: "fossil" as const }],
    ["forest.wood", { id: "00000000-0000-4000-8000-000000000002", unit: "kg", emissionCategory: "biogenic" as const }],
  ]),
};

const csv = (text: string) => new TextEncoder().encode(text);
const example = TEMPLATE_EXAMPLE_ROWS[0];

/** A data row (spreadsheet row 2) from the first example with some cells changed. */
function row(changes: Partial<Record<ImportColumn, string>>, rowNumber = 2): ImportRow {
  return { row: rowNumber, values: { ...example, ...changes } };
}

function errorsOf(changes: Partial<Record<ImportColumn, string>>, boundary = context.boundary) {
  const result = validateInventoryRows([row(changes)], { ...context, boundary });
  return result.ok ? [] : result.errors;
}

describe("CSV parsing", () => {
  it("reads named columns, strips a BOM, trims cells and numbers rows like a spreadsheet", () => {
    const parsed = parseInventoryCsv(csv("\uFEFFStage, description ,quantity,unit,source\nproduction, Electricity ,250,MWh,database_factor\n\n,,,,\nuse,Charging,1,kWh,database_factor\n"));
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { row: 2, values: { stage: "production", description: "Electricity", quantity: "250", unit: "MWh", source: "database_factor" } },
        { row: 5, values: { stage: "use", description: "Charging", quantity: "1", unit: "kWh", source: "database_factor" } },
      ],
    });
  });

  it("reports missing, unknown and duplicate columns on the header row", () => {
    const parsed = parseInventoryCsv(csv("stage,description,quantiy,unit,unit\nproduction,x,1,kg,kg\n"));
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { row: 1, column: "quantiy", message: "import.errors.unknownColumn" },
        { row: 1, column: "unit", message: "import.errors.duplicateColumn" },
        { row: 1, column: "quantity", message: "import.errors.missingColumn" },
        { row: 1, column: "source", message: "import.errors.missingColumn" },
      ],
    });
  });

  it("refuses non-UTF-8 text, broken quoting, a cell beyond the header, and a file without rows", () => {
    expect(parseInventoryCsv(new Uint8Array([0x73, 0x74, 0xc4, 0x0a]))).toMatchObject({ ok: false, errors: [{ message: "import.errors.encoding" }] });
    expect(parseInventoryCsv(csv('stage,description,quantity,unit,source\nproduction,"open,1,kg,x\n'))).toMatchObject({
      ok: false,
      errors: [{ message: "import.errors.csvSyntax" }],
    });
    expect(parseInventoryCsv(csv("stage,description,quantity,unit,source\nproduction,x,1,kg,direct_gas,extra\n"))).toEqual({
      ok: false,
      errors: [{ row: 2, column: null, message: "import.errors.cellWithoutColumn" }],
    });
    expect(parseInventoryCsv(csv("stage,description,quantity,unit,source\n"))).toMatchObject({ ok: false, errors: [{ message: "import.errors.noRows" }] });
  });
});

describe("file type", () => {
  it("takes CSV by its name and XLSX by its content, and refuses anything else", async () => {
    const text = csv("stage,description,quantity,unit,source\nproduction,x,1,kg,direct_gas\n");
    expect((await parseInventoryFile("lines.csv", text)).ok).toBe(true);
    expect(await parseInventoryFile("lines.txt", text)).toMatchObject({ ok: false, errors: [{ message: "import.errors.fileType" }] });
    const pdf = csv("%PDF-1.4\n%%EOF\n");
    expect(await parseInventoryFile("lines.csv", pdf)).toMatchObject({ ok: false, errors: [{ message: "import.errors.fileType" }] });
  });
});

describe("the downloadable template", () => {
  it.each(["csv", "xlsx"])("as %s imports as valid lines, one per example", async (format) => {
    const response = await templateGET(new Request(`http://localhost/api/templates/inventory?format=${format}`));
    expect(response.headers.get("content-disposition")).toContain(`attachment; filename="inventory-template.${format}"`);
    const parsed = await parseInventoryFile(`inventory-template.${format}`, new Uint8Array(await response.arrayBuffer()));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    const checked = validateInventoryRows(parsed.rows, context);
    expect(checked).toMatchObject({ ok: true });
    if (!checked.ok) return;
    expect(checked.lines.map((line) => line.source)).toEqual(["database_factor", "supplier_factor", "direct_gas"]);
    expect(checked.lines[0]).toMatchObject({ factorId: ELECTRICITY_ID, quantity: "250", unit: "MWh", allocationShare: "0.4", dqrTemporal: 1 });
    expect(checked.lines[1]).toMatchObject({ factorId: null, supplierFactorValue: "3.2", supplierFactorUnit: "piece", gas: null });
    expect(checked.lines[2]).toMatchObject({ gas: "HFC-134a", factorId: null, supplierName: null });
  });
});

describe("XLSX parsing", () => {
  it("reads numbers, formulas and rich text as cell text, from the first worksheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Lines");
    sheet.addRow(["stage", "description", "quantity", "unit", "source", "gas"]);
    sheet.addRow(["production", { richText: [{ text: "Refrigerant " }, { text: "leak" }] }, { formula: "1+1", result: 2 }, "kg", "direct_gas", "SF6"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await parseInventoryFile("lines.xlsx", bytes)).toEqual({
      ok: true,
      rows: [{ row: 2, values: { stage: "production", description: "Refrigerant leak", quantity: "2", unit: "kg", source: "direct_gas", gas: "SF6" } }],
    });
  });
});

describe("row validation", () => {
  it("applies defaults and canonical units, and takes the emission category from the factor", () => {
    const result = validateInventoryRows(
      [{ row: 2, values: { stage: "raw_material", description: "Wood", quantity: "1.5", unit: "T", source: "database_factor", factor_key: "forest.wood" } }],
      context,
    );
    expect(result).toMatchObject({
      ok: true,
      lines: [{ unit: "t", dataType: "secondary", dqrTechnological: 3, dqrGeographical: 3, dqrTemporal: 3, allocationShare: "1", emissionCategory: "biogenic" }],
    });
  });

  it.each<[string, Partial<Record<ImportColumn, string>>, ImportColumn, string]>([
    ["unknown stage", { stage: "packaging" }, "stage", "validation.choice"],
    ["stage outside the boundary", { stage: "use" }, "stage", "import.errors.stageOutsideBoundary"],
    ["empty description", { description: "" }, "description", "validation.required"],
    ["zero quantity", { quantity: "0" }, "quantity", "import.errors.positiveNumber"],
    ["text quantity", { quantity: "lots" }, "quantity", "import.errors.positiveNumber"],
    ["unknown unit", { unit: "barrel" }, "unit", "import.errors.unknownUnit?unit=barrel"],
    ["unit not convertible to the factor's", { unit: "kg" }, "unit", "import.errors.unitMismatch?from=kg&to=kWh"],
    ["unknown source", { source: "guess" }, "source", "validation.choice"],
    ["unknown factor key", { factor_key: "cn.electricity.mars.2024" }, "factor_key", "import.errors.unknownFactor"],
    ["missing factor key", { factor_key: "" }, "factor_key", "validation.required"],
    ["gas given for a factor line", { gas: "CO2" }, "gas", "import.errors.notForSource"],
    ["data type", { data_type: "measured" }, "data_type", "validation.choice"],
    ["rating 0", { dqr_technological: "0" }, "dqr_technological", "import.errors.rating"],
    ["rating 6", { dqr_geographical: "6" }, "dqr_geographical", "import.errors.rating"],
    ["rating 2.5", { dqr_temporal: "2.5" }, "dqr_temporal", "import.errors.rating"],
    ["allocation above 1", { allocation_share: "1.2" }, "allocation_share", "import.errors.allocation"],
    ["negative allocation", { allocation_share: "-0.1" }, "allocation_share", "import.errors.allocation"],
    ["emission category", { emission_category: "nuclear" }, "emission_category", "validation.choice"],
  ])("reports %s on its column", (_label, changes, column, message) => {
    expect(errorsOf(changes)).toEqual([{ row: 2, column, message }]);
  });

  it("checks gas lines: the gas must be in AR6 and the quantity a mass", () => {
    const gas = { source: "direct_gas", factor_key: "", gas: "HFC-999", unit: "kWh" };
    expect(errorsOf(gas)).toEqual([
      { row: 2, column: "unit", message: "import.errors.gasUnitNotMass" },
      { row: 2, column: "gas", message: "import.errors.unknownGas" },
    ]);
    expect(errorsOf({ ...gas, gas: "" , unit: "kg" })).toEqual([{ row: 2, column: "gas", message: "validation.required" }]);
  });

  it("checks supplier lines: value, known and convertible unit, supplier name", () => {
    const supplier = { source: "supplier_factor", factor_key: "", unit: "kWh", supplier_factor_value: "x", supplier_factor_unit: "kg", supplier_name: "" };
    expect(errorsOf(supplier)).toEqual([
      { row: 2, column: "unit", message: "import.errors.unitMismatch?from=kWh&to=kg" },
      { row: 2, column: "supplier_factor_value", message: "validation.number" },
      { row: 2, column: "supplier_name", message: "validation.required" },
    ]);
    expect(errorsOf({ ...supplier, supplier_factor_value: "0.5", supplier_factor_unit: "furlong", supplier_name: "S" })).toEqual([
      { row: 2, column: "supplier_factor_unit", message: "import.errors.unknownUnit?unit=furlong" },
    ]);
  });

  it("allows the use stage under cradle-to-grave", () => {
    expect(errorsOf({ stage: "use" }, "cradle_to_grave")).toEqual([]);
  });

  it("validates every row and reports each error with its row; no lines when any row fails", () => {
    const rows = [row({}, 2), row({ quantity: "-1" }, 3), row({}, 4), row({ unit: "kg", dqr_temporal: "9" }, 5)];
    expect(validateInventoryRows(rows, context)).toEqual({
      ok: false,
      errors: [
        { row: 3, column: "quantity", message: "import.errors.positiveNumber" },
        { row: 5, column: "unit", message: "import.errors.unitMismatch?from=kg&to=kWh" },
        { row: 5, column: "dqr_temporal", message: "import.errors.rating" },
      ],
    });
  });

  it("knows every template column", () => {
    expect(Object.keys(example)).toEqual([...INVENTORY_IMPORT_COLUMNS]);
  });
});
