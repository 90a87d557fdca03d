import Papa from "papaparse";
import { messageKey } from "@/lib/i18n/translate";
import { factorFieldsSchema, type FactorFields } from "@/lib/validation/schemas/regulator";

/** CSV header → form field; gwp_basis and emission_category may be left out (AR6, fossil). */
export const FACTOR_CSV_COLUMNS = {
  factor_key: "factorKey",
  name_zh: "nameZh",
  name_en: "nameEn",
  category: "category",
  value: "value",
  unit: "unit",
  region: "region",
  year: "year",
  source: "source",
  gwp_basis: "gwpBasis",
  emission_category: "emissionCategory",
} as const satisfies Record<string, keyof FactorFields>;

const REQUIRED_COLUMNS = Object.keys(FACTOR_CSV_COLUMNS).filter((column) => column !== "gwp_basis" && column !== "emission_category");

/** `line` is the line number in the file (the header is line 1); `field` is a CSV column or null for the whole row. */
export type FactorCsvError = { line: number; field: string | null; message: string };

/**
 * Reads a factor table. Every line is checked with the same schema as the
 * form; the import is all-or-nothing, so it returns either rows or errors.
 */
export function parseFactorCsv(text: string): { ok: true; rows: FactorFields[] } | { ok: false; errors: FactorCsvError[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((column) => !headers.includes(column));
  if (missing.length > 0) {
    return { ok: false, errors: [{ line: 1, field: null, message: messageKey("factors.errors.missingColumns", { columns: missing.join(", ") }) }] };
  }
  const errors: FactorCsvError[] = parsed.errors.map((error) => ({
    line: (error.row ?? 0) + 2,
    field: null,
    message: "factors.errors.csvSyntax",
  }));
  const rows: FactorFields[] = [];
  const keysSeen = new Map<string, number>();
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const input: Record<string, string | undefined> = {};
    for (const [column, field] of Object.entries(FACTOR_CSV_COLUMNS)) input[field] = record[column]?.trim() || undefined;
    input.gwpBasis ??= "AR6";
    input.emissionCategory ??= "fossil";
    const result = factorFieldsSchema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = Object.entries(FACTOR_CSV_COLUMNS).find(([, name]) => name === issue.path[0])?.[0] ?? null;
        errors.push({ line, field, message: issue.message });
      }
      return;
    }
    const earlier = keysSeen.get(result.data.factorKey);
    if (earlier) {
      errors.push({ line, field: "factor_key", message: messageKey("factors.errors.duplicateKey", { line: earlier }) });
      return;
    }
    keysSeen.set(result.data.factorKey, line);
    rows.push(result.data);
  });
  if (errors.length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, field: null, message: "factors.errors.noRows" }] };
  return { ok: true, rows };
}
