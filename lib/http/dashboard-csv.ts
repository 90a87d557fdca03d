import type { PilotDashboard } from "@/lib/dal/regulator-overview";
import { csvDocument } from "@/lib/http/csv";
import { LIFE_CYCLE_STAGES } from "@/lib/enums";

type CsvRow = [section: string, key: string, subKey: string, value: string | number | null];

/**
 * The dashboard's numbers as one long CSV table (section, key, sub-key, value):
 * every figure shown on screen, for the same filters, machine-readable.
 */
export function dashboardCsv(dashboard: PilotDashboard): string {
  const { filters } = dashboard;
  const rows: CsvRow[] = [
    ["filter", "category", "", filters.category ?? ""],
    ["filter", "district", "", filters.district ?? ""],
    ["filter", "from", "", filters.from ?? ""],
    ["filter", "to", "", filters.to ?? ""],
    ["totals", "enterprises", "", dashboard.enterprises],
    ["totals", "products", "", dashboard.products],
    ...Object.entries(dashboard.certificates).map(([status, n]): CsvRow => ["certificates", status, "", n]),
    ...dashboard.funnel.map((row): CsvRow => ["applications_by_stage", row.status, "", row.count]),
    ...dashboard.labelsPerMonth.map((row): CsvRow => ["labels_per_month", row.month, "", row.count]),
    ...dashboard.stageDurations.flatMap((row): CsvRow[] => [
      ["days_in_stage", row.stage, "transitions", row.transitions],
      ["days_in_stage", row.stage, "median", row.medianDays],
      ["days_in_stage", row.stage, "p90", row.p90Days],
    ]),
    ...dashboard.grades.map((row): CsvRow => ["grades", row.categoryId, row.grade === null ? "none" : String(row.grade), row.count]),
    ...dashboard.footprints.flatMap((row): CsvRow[] => [
      ["footprint", row.categoryId, "certificates", row.certificates],
      ["footprint", row.categoryId, "p10", row.p10],
      ["footprint", row.categoryId, "median", row.median],
      ["footprint", row.categoryId, "p90", row.p90],
      ["footprint", row.categoryId, "benchmark", row.benchmark],
      ["footprint", row.categoryId, "at_or_below_benchmark", row.atOrBelowBenchmark],
    ]),
    // Per-category medians (kg CO2e per declared unit), the figures the page's table shows.
    ...dashboard.stageMedians.flatMap((row) =>
      LIFE_CYCLE_STAGES.flatMap((stage): CsvRow[] => {
        const cell = row.stages[stage];
        return cell
          ? [
              ["median_emissions_by_life_cycle_stage", row.categoryId, `${stage}.certificates`, cell.certificates],
              ["median_emissions_by_life_cycle_stage", row.categoryId, `${stage}.median_kg_co2e_per_declared_unit`, cell.median],
            ]
          : [];
      }),
    ),
    ["certified_supplier_data", "certificates_in_force", "", dashboard.supplierData.certificates],
    ["certified_supplier_data", "resting_on_certified_supplier_data", "", dashboard.supplierData.resting],
    ["certified_supplier_data", "mean_share", "", dashboard.supplierData.meanShare],
    ...dashboard.bodies.flatMap((row): CsvRow[] => [
      ["verification_body", row.nameEn ?? row.name, "applications", row.applications],
      ["verification_body", row.nameEn ?? row.name, "certificates", row.certificates],
    ]),
  ];
  return csvDocument(["section", "key", "sub_key", "value"], rows);
}
