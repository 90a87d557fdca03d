import Papa from "papaparse";

/**
 * The one CSV writer of the app: every CSV it hands out goes through here.
 *
 * A cell that starts with = + - @ tab or CR is a formula to Excel, LibreOffice and Google Sheets
 * (`=HYPERLINK(…)` in an organization's name runs on the regulator's machine), so it is written
 * with a leading apostrophe, which the spreadsheet shows as text (OWASP "CSV injection").
 * A plain number, negative ones included, stays a number.
 */
type CsvValue = string | number | null | undefined;

/** Excel opens UTF-8 CSV correctly only with a byte-order mark (Chinese names). */
const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

export function escapeCsvCell(value: CsvValue): CsvValue {
  if (typeof value !== "string" || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

export function csvDocument(fields: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return (
    BOM +
    Papa.unparse(
      { fields: [...fields], data: rows.map((row) => row.map(escapeCsvCell)) },
      // Quote the escaped cells too: a tab or CR inside must stay inside its cell.
      { newline: "\r\n", quotes: (value: unknown) => typeof value === "string" && /^'[=+\-@\t\r]/.test(value) },
    )
  );
}
