import { calculateFootprint, toGwpTable, type CalculationSuccess } from "@/lib/calc/calculate";
import { GWP_AR6 } from "@/lib/calc/gwp";
import type { StudyReportFactor } from "@/lib/certificates/study-report-data";
import type { InventorySnapshot, SnapshotLine } from "@/lib/rules/inventory-snapshot";

const GWP = toGwpTable(GWP_AR6);

export const GRID: StudyReportFactor = {
  id: "00000000-0000-4000-8000-000000000001",
  factorKey: "cn.electricity.national.2024",
  version: 1,
  nameZh: "全国电力平均排放因子",
  nameEn: "National grid electricity",
  value: "0.5777",
  unit: "kWh",
  source: "MEE/NBS 2024 national electricity CO2 factor",
  region: "CN",
  year: 2024,
  gwpBasis: "AR6",
};

export const TRUCK: StudyReportFactor = {
  id: "00000000-0000-4000-8000-000000000002",
  factorKey: "cpcd.transport.truck",
  version: 2,
  nameZh: "重型货车运输",
  nameEn: "Heavy truck transport",
  value: "0.078",
  unit: "t·km",
  source: "CPCD 2023",
  region: "CN",
  year: 2023,
  gwpBasis: "AR6",
};

function line(overrides: Partial<SnapshotLine> & Pick<SnapshotLine, "id" | "stage" | "description">): SnapshotLine {
  return {
    position: 0,
    quantity: "1",
    unit: "kg",
    source: "supplier_factor",
    factor: null,
    supplierFactor: null,
    gas: null,
    dataType: "primary",
    dqr: { technological: 2, geographical: 2, temporal: 2 },
    allocationShare: "1",
    emissionCategory: "fossil",
    ...overrides,
  };
}

const asSnapshotFactor = ({ id, factorKey, version, value, unit, source }: StudyReportFactor) => ({
  id,
  factorKey,
  version,
  value,
  unit,
  source,
  emissionCategory: "fossil" as const,
});

/** A laptop-like cradle-to-gate inventory over 10 000 pieces: a supplier PCF, allocated plant power, a refrigerant, a truck. */
export function inventoryFixture(overrides: Partial<InventorySnapshot["product"]> = {}): InventorySnapshot {
  const lines: SnapshotLine[] = [
    line({
      id: "10000000-0000-4000-8000-000000000001",
      stage: "raw_material",
      description: "主板及芯片组（供应商 PCF）",
      quantity: "10000",
      unit: "piece",
      supplierFactor: { value: "142.5", unit: "piece", supplierName: "重庆西永电子有限公司" },
    }),
    line({
      id: "10000000-0000-4000-8000-000000000002",
      stage: "production",
      description: "组装车间用电（与其他产品分摊）",
      quantity: "250",
      unit: "MWh",
      source: "database_factor",
      factor: asSnapshotFactor(GRID),
      allocationShare: "0.4",
      dqr: { technological: 1, geographical: 1, temporal: 1 },
    }),
    line({
      id: "10000000-0000-4000-8000-000000000003",
      stage: "production",
      position: 1,
      description: "空调系统 HFC-134a 泄漏",
      quantity: "2",
      unit: "kg",
      source: "direct_gas",
      gas: "HFC-134a",
    }),
    line({
      id: "10000000-0000-4000-8000-000000000004",
      stage: "distribution",
      description: "Truck to the Chongqing rail hub",
      quantity: "30000",
      unit: "t·km",
      source: "database_factor",
      factor: asSnapshotFactor(TRUCK),
      dataType: "secondary",
      dqr: { technological: 4, geographical: 3, temporal: 4 },
    }),
  ];
  const product: InventorySnapshot["product"] = {
    id: "20000000-0000-4000-8000-000000000001",
    organizationId: "30000000-0000-4000-8000-000000000001",
    categoryId: "laptop",
    nameZh: "渝新轻薄笔记本电脑 14 英寸",
    nameEn: "Yuxin UltraSlim 14-inch laptop",
    model: "YX-14S",
    hsCode: "84713000",
    declaredUnitAmount: "1",
    declaredUnit: "piece",
    systemBoundary: "cradle_to_gate",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    productionVolume: "10000",
    site: "重庆市沙坪坝区西永微电园",
    exportMarkets: ["EU", "US"],
    ...overrides,
  };
  const gwp = { "HFC-134a": GWP["HFC-134a"] };
  const result = calculateFootprint({ boundary: product.systemBoundary, productionVolume: product.productionVolume, gwpSet: "AR6", gwp, lines });
  if (!result.ok) throw new Error(`fixture does not calculate: ${JSON.stringify(result)}`);
  return {
    application: { id: "40000000-0000-4000-8000-000000000001", round: 1, productId: product.id, organizationId: product.organizationId },
    product,
    lines,
    gwp: { set: "AR6", values: gwp },
    calculation: result satisfies CalculationSuccess,
  };
}
