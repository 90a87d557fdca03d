/**
 * Inventory import: CSV or XLSX → rows → every row checked → inventory line
 * columns, or the full list of errors by row and column. No database access
 * here: the caller supplies the factors, the boundary and the gases.
 */
import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { fileTypeFromBuffer } from "file-type";
import Papa from "papaparse";
import type { NewInventoryLine } from "@/db/schema";
import { allowedStages, type EmissionCategory, type SystemBoundary } from "@/lib/calc/calculate";
import { parseDecimal } from "@/lib/calc/decimal";
import { GWP_AR6 } from "@/lib/calc/gwp";
import { normalizeUnit, unitDimension } from "@/lib/calc/units";
import { lineColumns } from "@/lib/rules/inventory-line";
import { isPlainUtf8Text } from "@/lib/evidence/detect-type";
import { XLSX_MIME } from "@/lib/evidence/rules";
import { messageKey } from "@/lib/i18n/translate";
import { inventoryLineSchema, type InventoryLineInput } from "@/lib/validation/schemas/inventory";
import { inspectXlsxPackage } from "@/lib/evidence/xlsx-package";
import {
  INVENTORY_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  type ImportColumn,
  type ImportRowError,
} from "./inventory-columns";

export type ImportRow = { row: number; values: Partial<Record<ImportColumn, string>> };

type ParsedSheet = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportRowError[] };

const KNOWN_COLUMNS = new Set<string>(INVENTORY_IMPORT_COLUMNS);
function fileError(message: string, row = 1, column: string | null = null): ParsedSheet {
  return { ok: false, errors: [{ row, column, message }] };
}

/** Rows of cells (header first, spreadsheet numbering) → named rows; blank rows are skipped. */
function toImportRows(records: ReadonlyArray<{ row: number; cells: string[] }>): ParsedSheet {
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return fileError("import.errors.noRows");
  const header = headerRecord.cells.map((cell) => cell.trim().toLowerCase());
  const errors: ImportRowError[] = [];
  header.forEach((name, index) => {
    if (!name) return;
    if (!KNOWN_COLUMNS.has(name)) errors.push({ row: headerRecord.row, column: name, message: "import.errors.unknownColumn" });
    else if (header.indexOf(name) !== index) errors.push({ row: headerRecord.row, column: name, message: "import.errors.duplicateColumn" });
  });
  for (const column of REQUIRED_IMPORT_COLUMNS) {
    if (!header.includes(column)) errors.push({ row: headerRecord.row, column, message: "import.errors.missingColumn" });
  }
  if (errors.length) return { ok: false, errors };

  const rows: ImportRow[] = [];
  for (const record of dataRecords) {
    if (record.cells.every((cell) => cell.trim() === "")) continue;
    const values: Partial<Record<ImportColumn, string>> = {};
    record.cells.forEach((cell, index) => {
      const name = header[index];
      if (name) values[name as ImportColumn] = cell.trim();
      else if (cell.trim()) errors.push({ row: record.row, column: null, message: "import.errors.cellWithoutColumn" });
    });
    rows.push({ row: record.row, values });
  }
  if (errors.length) return { ok: false, errors };
  if (rows.length === 0) return fileError("import.errors.noRows");
  if (rows.length > MAX_IMPORT_ROWS) return fileError(messageKey("import.errors.tooManyRows", { maximum: MAX_IMPORT_ROWS }));
  return { ok: true, rows };
}

export function parseInventoryCsv(bytes: Uint8Array): ParsedSheet {
  if (!isPlainUtf8Text(bytes)) return fileError("import.errors.encoding");
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  if (parsed.errors.length) {
    return {
      ok: false,
      errors: parsed.errors.map((error) => ({ row: (error.row ?? 0) + 1, column: null, message: "import.errors.csvSyntax" })),
    };
  }
  return toImportRows(parsed.data.map((cells, index) => ({ row: index + 1, cells })));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result ?? null);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return String(value);
}

/** What an inventory workbook may inflate to: the template at the row limit is far below it. */
const MAX_XLSX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/** The first worksheet of an XLSX workbook, once its package is known to be of a bounded size. */
export async function parseInventoryXlsx(bytes: Uint8Array): Promise<ParsedSheet> {
  const inspection = inspectXlsxPackage(bytes, {
    maxUncompressedBytes: MAX_XLSX_UNCOMPRESSED_BYTES,
    maxEntries: 1_000,
    maxRowsPerSheet: MAX_IMPORT_ROWS + 1,
  });
  if (!inspection.ok) {
    if (inspection.problem === "tooManyRows") return fileError(messageKey("import.errors.tooManyRows", { maximum: MAX_IMPORT_ROWS }));
    if (inspection.problem === "tooLarge") {
      return fileError(messageKey("import.errors.workbookTooLarge", { maximum: MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024 }));
    }
    return fileError("import.errors.unreadable");
  }
  // The streaming reader builds no workbook model: about half the time of a full load.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const records: { row: number; cells: string[] }[] = [];
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      sawSheet = true;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (row.cellCount === 0 || !row.hasValues) continue;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
          cells[columnNumber - 1] = cellText(cell.value);
        });
        records.push({ row: row.number, cells: Array.from(cells, (cell) => cell ?? "") });
      }
      // The inventory is the first worksheet, as in the template.
      break;
    }
  } catch {
    return fileError("import.errors.unreadable");
  }
  if (!sawSheet) return fileError("import.errors.noRows");
  // The header must be the sheet's first row, as in the template.
  if (records[0] && records[0].row !== 1) return fileError("import.errors.headerFirst");
  return toImportRows(records);
}

/** CSV or XLSX, decided by content (an XLSX is a ZIP package) and, for CSV, by the .csv name. */
export async function parseInventoryFile(fileName: string, bytes: Uint8Array): Promise<ParsedSheet> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime === XLSX_MIME) return parseInventoryXlsx(bytes);
  if (!detected && /\.csv$/i.test(fileName.trim())) return parseInventoryCsv(bytes);
  return fileError("import.errors.fileType");
}

// ------------------------------------------------------------- validation

export type ImportFactor = { id: string; unit: string; emissionCategory: EmissionCategory };

export type ImportContext = {
  applicationId: string;
  boundary: SystemBoundary;
  /** Current (not superseded) factors by factor key. */
  factors: ReadonlyMap<string, ImportFactor>;
};

type ImportedLine = Omit<NewInventoryLine, "applicationId">;

type RowsValidation = { ok: true; lines: ImportedLine[] } | { ok: false; errors: ImportRowError[] };

const GAS_CATEGORY = new Map<string, EmissionCategory>(GWP_AR6.map((entry) => [entry.gas, entry.emissionCategory]));

/** Schema field → file column, to report the line schema's errors where the user typed the value. */
const FIELD_COLUMNS: Record<string, ImportColumn> = {
  stage: "stage",
  description: "description",
  quantity: "quantity",
  unit: "unit",
  source: "source",
  factorId: "factor_key",
  supplierFactorValue: "supplier_factor_value",
  supplierFactorUnit: "supplier_factor_unit",
  supplierName: "supplier_name",
  gas: "gas",
  dataType: "data_type",
  dqrTechnological: "dqr_technological",
  dqrGeographical: "dqr_geographical",
  dqrTemporal: "dqr_temporal",
  allocationShare: "allocation_share",
  emissionCategory: "emission_category",
};

/** Columns that belong to one source only; filled in for another source they are an error, not silently dropped. */
const SOURCE_COLUMNS: Record<string, readonly ImportColumn[]> = {
  database_factor: ["factor_key"],
  supplier_factor: ["supplier_factor_value", "supplier_factor_unit", "supplier_name"],
  direct_gas: ["gas"],
};

const RATING_COLUMNS = ["dqr_technological", "dqr_geographical", "dqr_temporal"] as const;

function convertible(from: string, to: string): boolean {
  const dimension = unitDimension(from);
  return dimension !== null && dimension === unitDimension(to);
}

/** Checks one row; errors go into `report` (first message per column wins), the line is returned when there are none. */
function validateRow({ row, values }: ImportRow, context: ImportContext): { line: ImportedLine | null; errors: ImportRowError[] } {
  const found = new Map<string, string>();
  const report = (column: ImportColumn, message: string) => {
    if (!found.has(column)) found.set(column, message);
  };
  const text = (column: ImportColumn) => values[column] ?? "";
  const lower = (column: ImportColumn) => text(column).toLowerCase();

  const stage = lower("stage");
  const source = lower("source");
  const unit = normalizeUnit(text("unit"));
  if (text("unit") && !unit) report("unit", messageKey("import.errors.unknownUnit", { unit: text("unit") }));

  const stageKnown = (allowedStages("cradle_to_grave") as string[]).includes(stage);
  if (stageKnown && !(allowedStages(context.boundary) as string[]).includes(stage)) {
    report("stage", "import.errors.stageOutsideBoundary");
  }
  const quantity = parseDecimal(text("quantity"));
  if (text("quantity") && !(quantity && quantity.greaterThan(0))) report("quantity", "import.errors.positiveNumber");

  const ownColumns = SOURCE_COLUMNS[source];
  for (const column of Object.values(SOURCE_COLUMNS).flat()) {
    if (!ownColumns) break;
    if (ownColumns.includes(column) && !text(column)) report(column, "validation.required");
    if (!ownColumns.includes(column) && text(column)) report(column, "import.errors.notForSource");
  }
  if (source === "supplier_factor" && text("supplier_factor_value") && !parseDecimal(text("supplier_factor_value"))) {
    report("supplier_factor_value", "validation.number");
  }

  let factor: ImportFactor | undefined;
  if (source === "database_factor" && text("factor_key")) {
    factor = context.factors.get(text("factor_key"));
    if (!factor) report("factor_key", "import.errors.unknownFactor");
    else if (unit && !convertible(unit, factor.unit)) {
      report("unit", messageKey("import.errors.unitMismatch", { from: unit, to: factor.unit }));
    }
  }
  const supplierUnit = normalizeUnit(text("supplier_factor_unit"));
  if (source === "supplier_factor" && text("supplier_factor_unit")) {
    if (!supplierUnit) report("supplier_factor_unit", messageKey("import.errors.unknownUnit", { unit: text("supplier_factor_unit") }));
    else if (unit && !convertible(unit, supplierUnit)) {
      report("unit", messageKey("import.errors.unitMismatch", { from: unit, to: supplierUnit }));
    }
  }
  const gasCategory = GAS_CATEGORY.get(text("gas"));
  if (source === "direct_gas" && text("gas")) {
    if (!gasCategory) report("gas", "import.errors.unknownGas");
    if (unit && unitDimension(unit) !== "mass") report("unit", "import.errors.gasUnitNotMass");
  }

  for (const column of RATING_COLUMNS) {
    if (text(column) && !/^[1-5]$/.test(text(column))) report(column, "import.errors.rating");
  }
  const share = parseDecimal(text("allocation_share"));
  if (text("allocation_share") && !(share && share.greaterThanOrEqualTo(0) && share.lessThanOrEqualTo(1))) {
    report("allocation_share", "import.errors.allocation");
  }

  const candidate: InventoryLineInput = {
    applicationId: context.applicationId,
    stage: stage as InventoryLineInput["stage"],
    description: text("description"),
    quantity: text("quantity"),
    unit: unit ?? text("unit"),
    source: source as InventoryLineInput["source"],
    factorId: factor?.id,
    supplierFactorValue: text("supplier_factor_value") || undefined,
    supplierFactorUnit: supplierUnit ?? (text("supplier_factor_unit") || undefined),
    supplierName: text("supplier_name") || undefined,
    gas: text("gas") || undefined,
    dataType: (lower("data_type") || "secondary") as InventoryLineInput["dataType"],
    dqrTechnological: Number(text("dqr_technological") || 3),
    dqrGeographical: Number(text("dqr_geographical") || 3),
    dqrTemporal: Number(text("dqr_temporal") || 3),
    allocationShare: text("allocation_share") || "1",
    emissionCategory: (lower("emission_category") ||
      factor?.emissionCategory ||
      (source === "direct_gas" ? gasCategory : undefined) ||
      "fossil") as InventoryLineInput["emissionCategory"],
  };
  const parsed = inventoryLineSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = FIELD_COLUMNS[String(issue.path[0])];
      if (column) report(column, issue.message);
    }
  }
  const errors = INVENTORY_IMPORT_COLUMNS.filter((column) => found.has(column)).map((column) => ({
    row,
    column,
    message: found.get(column)!,
  }));
  return { line: parsed.success && errors.length === 0 ? lineColumns(parsed.data) : null, errors };
}

/** Every row is checked; the lines come back only when all of them are valid. */
export function validateInventoryRows(rows: readonly ImportRow[], context: ImportContext): RowsValidation {
  const lines: ImportedLine[] = [];
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const result = validateRow(row, context);
    if (result.line) lines.push(result.line);
    errors.push(...result.errors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, lines };
}
