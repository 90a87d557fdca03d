/**
 * The shape of what a submission freezes (inventory lines with their factor
 * versions, GWP values, the calculation) and the pure functions that build it
 * from a loaded inventory. The loaders are in lib/dal/inventory-snapshot.ts.
 */
import type { Product } from "@/db/schema";
import {
  calculateFootprint,
    type CalculationInput,
  type CalculationResult,
  type CalculationSuccess,
  type DataType,
  type EmissionCategory,
  type GwpTable,
  type LifeCycleStage,
  type LineSource,
} from "@/lib/calc/calculate";
import type { GWP_SET } from "@/lib/calc/gwp";

/** The product declarations PACT exchange asks for; snapshots frozen before they existed lack them. */
type ProductCarbonDeclarations = "massPerDeclaredUnit" | "fossilCarbonContent" | "biogenicCarbonContent";

type SnapshotProduct = Omit<Product, "createdAt" | "updatedAt" | ProductCarbonDeclarations> &
  Partial<Pick<Product, ProductCarbonDeclarations>>;

export type SnapshotFactor = {
  id: string;
  factorKey: string;
  version: number;
  value: string;
  unit: string;
  source: string;
  emissionCategory: EmissionCategory;
};

export type SnapshotLine = {
  id: string;
  stage: LifeCycleStage;
  position: number;
  description: string;
  quantity: string;
  unit: string;
  source: LineSource;
  factor: SnapshotFactor | null;
  supplierFactor: { value: string; unit: string; supplierName: string | null } | null;
  gas: string | null;
  dataType: DataType;
  dqr: { technological: number; geographical: number; temporal: number };
  allocationShare: string;
  emissionCategory: EmissionCategory;
};

/** Everything a calculation reads: the application, its product, its lines with their factors, the GWP table. */
export type LoadedInventory = {
  application: { id: string; round: number; productId: string; organizationId: string; inventoryRevision: number };
  product: SnapshotProduct;
  lines: SnapshotLine[];
  gwpSet: typeof GWP_SET;
  gwp: GwpTable;
};

/**
 * What a submission freezes and digests: the inventory as submitted, the GWP
 * values of the gases it uses and the calculation result.
 */
export type InventorySnapshot = {
  application: { id: string; round: number; productId: string; organizationId: string };
  product: SnapshotProduct;
  lines: SnapshotLine[];
  gwp: { set: string; values: GwpTable };
  calculation: CalculationSuccess;
};

export function calculationInputFor(inventory: LoadedInventory): CalculationInput {
  return {
    boundary: inventory.product.systemBoundary,
    productionVolume: inventory.product.productionVolume,
    gwpSet: inventory.gwpSet,
    gwp: inventory.gwp,
    lines: inventory.lines,
  };
}

export function calculateInventory(inventory: LoadedInventory): CalculationResult {
  return calculateFootprint(calculationInputFor(inventory));
}

/** GWP values of the gases the inventory's direct-gas lines use. */
function gwpValuesUsed(inventory: LoadedInventory): GwpTable {
  const gases = new Set(inventory.lines.flatMap((line) => (line.gas ? [line.gas] : [])));
  return Object.fromEntries(Object.entries(inventory.gwp).filter(([gas]) => gases.has(gas)));
}

/** Builds the snapshot of an already loaded inventory and its successful calculation. */
export function buildInventorySnapshot(inventory: LoadedInventory, calculation: CalculationSuccess): InventorySnapshot {
  const { id, round, productId, organizationId } = inventory.application;
  return {
    application: { id, round, productId, organizationId },
    product: inventory.product,
    lines: inventory.lines,
    gwp: { set: inventory.gwpSet, values: gwpValuesUsed(inventory) },
    calculation,
  };
}

