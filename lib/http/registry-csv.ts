import type { RegistryRow } from "@/lib/dal/public-certificates";
import { csvDocument } from "@/lib/http/csv";
import { publicLabelUrl } from "@/lib/rules/artifact-data";

const FIELDS = [
  "certificate_number",
  "product_zh",
  "product_en",
  "model",
  "category_id",
  "category_zh",
  "category_en",
  "enterprise",
  "enterprise_en",
  "footprint_kg_co2e",
  "declared_unit_amount",
  "declared_unit",
  "system_boundary",
  "grade",
  "benchmark_version",
  "verification_body",
  "status",
  "status_reason",
  "issued_on",
  "expires_on",
  "url",
] as const;

/** The public fields of registry rows as CSV (the page's columns and a few more); the writer neutralizes formulas. */
export function registryCsv(rows: RegistryRow[], baseUrl: string): string {
  const text = (value: string | null) => value ?? "";
  const data = rows.map((row) => [
    row.number,
    text(row.productNameZh),
    text(row.productNameEn),
    text(row.model),
    row.categoryId,
    text(row.categoryNameZh),
    text(row.categoryNameEn),
    text(row.enterpriseName),
    text(row.enterpriseNameEn),
    row.value,
    row.declaredUnitAmount ?? "",
    text(row.declaredUnit),
    row.systemBoundary ?? "",
    row.grade === null ? "" : String(row.grade),
    row.benchmarkVersion === null ? "" : String(row.benchmarkVersion),
    text(row.verificationBodyName),
    row.status,
    text(row.statusReason),
    row.issuedOn,
    row.expiresOn,
    publicLabelUrl(baseUrl, row.number),
  ]);
  return csvDocument(FIELDS, data);
}
