import { DATA_TYPES, EMISSION_CATEGORIES, LIFE_CYCLE_STAGES, LINE_SOURCES } from "@/lib/enums";
import ExcelJS from "exceljs";
import { GWP_AR6 } from "@/lib/calc/gwp";
import { UNIT_CODES } from "@/lib/calc/units";
import { XLSX_MIME } from "@/lib/evidence/rules";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { csvDocument } from "@/lib/http/csv";
import { z } from "@/lib/validation/zod";
import { INVENTORY_IMPORT_COLUMNS, MAX_IMPORT_ROWS, TEMPLATE_EXAMPLE_ROWS, type ImportColumn } from "@/lib/import/inventory-columns";

export const dynamic = "force-dynamic";

/** exceljs supports range-wide validations at runtime; its typings only know the per-cell form. */
type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** Drop-down choices offered in the XLSX template (the import checks them anyway). */
const CHOICES: Partial<Record<ImportColumn, readonly string[]>> = {
  stage: LIFE_CYCLE_STAGES,
  unit: UNIT_CODES,
  source: LINE_SOURCES,
  supplier_factor_unit: UNIT_CODES,
  gas: GWP_AR6.map((entry) => entry.gas),
  data_type: DATA_TYPES,
  emission_category: EMISSION_CATEGORIES,
};

function csvTemplate(): string {
  // The BOM csvDocument writes makes Excel open the file as UTF-8; the import strips it.
  return csvDocument(
    INVENTORY_IMPORT_COLUMNS,
    TEMPLATE_EXAMPLE_ROWS.map((row) => INVENTORY_IMPORT_COLUMNS.map((column) => row[column])),
  );
}

async function xlsxTemplate(): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  // The import reads the first worksheet: the inventory comes first.
  const sheet = workbook.addWorksheet("Inventory", { views: [{ state: "frozen", ySplit: 1 }] });
  const choices = workbook.addWorksheet("Choices");
  sheet.columns = INVENTORY_IMPORT_COLUMNS.map((column) => ({ header: column, key: column, width: Math.max(14, column.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of TEMPLATE_EXAMPLE_ROWS) sheet.addRow(row);

  Object.entries(CHOICES).forEach(([column, values], index) => {
    const letter = String.fromCharCode(65 + index);
    choices.getCell(`${letter}1`).value = column;
    values.forEach((value, offset) => {
      choices.getCell(`${letter}${offset + 2}`).value = value;
    });
    const target = sheet.getColumn(column).letter;
    const list = `Choices!$${letter}$2:$${letter}$${values.length + 1}`;
    (sheet as unknown as RangeValidations).dataValidations.add(`${target}2:${target}${MAX_IMPORT_ROWS + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
    });
  });
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** The inventory import template with one example row per kind of source: `?format=csv|xlsx`. */
const templateQuery = z.object({ format: z.enum(["csv", "xlsx"]).default("csv") });

export async function GET(request: Request) {
  const query = templateQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json({ error: "format must be csv or xlsx" }, { status: 400 });
  }
  const { format } = query.data;
  const headers = {
    "content-disposition": attachmentDisposition(`inventory-template.${format}`),
    "x-content-type-options": "nosniff",
  };
  if (format === "xlsx") return new Response(await xlsxTemplate(), { headers: { ...headers, "content-type": XLSX_MIME } });
  return new Response(csvTemplate(), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
}
