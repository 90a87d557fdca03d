/**
 * The inventory import format, shared by the template, the parser and the
 * import form (client-safe: no parsing libraries here).
 */
export const INVENTORY_IMPORT_COLUMNS = [
  "stage",
  "description",
  "quantity",
  "unit",
  "source",
  "factor_key",
  "supplier_factor_value",
  "supplier_factor_unit",
  "supplier_name",
  "gas",
  "data_type",
  "dqr_technological",
  "dqr_geographical",
  "dqr_temporal",
  "allocation_share",
  "emission_category",
] as const;

export type ImportColumn = (typeof INVENTORY_IMPORT_COLUMNS)[number];

/** The other columns may be left out of the file or left empty (defaults or not applicable). */
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ["stage", "description", "quantity", "unit", "source"];

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Beyond this many errors the list is cut (the count is still reported). */
export const MAX_REPORTED_ERRORS = 500;

/** `row` is the spreadsheet row (the header is row 1); `column` is null for a whole-file problem. */
export type ImportRowError = { row: number; column: ImportColumn | string | null; message: string };

export type ImportOutcome =
  | { ok: true; imported: number }
  | { ok: false; message: string; errors: ImportRowError[]; errorCount: number };

/** Example rows of the template: one per kind of source, valid for any product. */
export const TEMPLATE_EXAMPLE_ROWS: ReadonlyArray<Record<ImportColumn, string>> = [
  {
    stage: "production",
    description: "Plant electricity, shared with other products",
    quantity: "250",
    unit: "MWh",
    source: "database_factor",
    factor_key: "cn.electricity.national.2024",
    supplier_factor_value: "",
    supplier_factor_unit: "",
    supplier_name: "",
    gas: "",
    data_type: "primary",
    dqr_technological: "2",
    dqr_geographical: "2",
    dqr_temporal: "1",
    allocation_share: "0.4",
    emission_category: "fossil",
  },
  {
    stage: "raw_material",
    description: "Battery cells",
    quantity: "10000",
    unit: "piece",
    source: "supplier_factor",
    factor_key: "",
    supplier_factor_value: "3.2",
    supplier_factor_unit: "piece",
    supplier_name: "Example Cell Co., Ltd.",
    gas: "",
    data_type: "primary",
    dqr_technological: "1",
    dqr_geographical: "2",
    dqr_temporal: "1",
    allocation_share: "1",
    emission_category: "fossil",
  },
  {
    stage: "production",
    description: "Refrigerant leakage",
    quantity: "2",
    unit: "kg",
    source: "direct_gas",
    factor_key: "",
    supplier_factor_value: "",
    supplier_factor_unit: "",
    supplier_name: "",
    gas: "HFC-134a",
    data_type: "primary",
    dqr_technological: "2",
    dqr_geographical: "2",
    dqr_temporal: "2",
    allocation_share: "1",
    emission_category: "fossil",
  },
];
