import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { applications, emissionFactors, gwpValues, inventoryLines, products, type Product } from "@/db/schema";
import { ActionError, NotFoundError } from "@/lib/actions/errors";
import {
  calculateFootprint,
  toGwpTable,
  type CalculationInput,
  type CalculationResult,
  type CalculationSuccess,
  type DataType,
  type EmissionCategory,
  type GwpTable,
  type LifeCycleStage,
  type LineSource,
} from "@/lib/calc/calculate";
import { GWP_SET } from "@/lib/calc/gwp";

export type SnapshotProduct = Omit<Product, "createdAt" | "updatedAt">;

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

/** Product columns that describe the product (timestamps left out: they are not part of what was certified). */
const SNAPSHOT_PRODUCT_COLUMNS = {
  id: products.id,
  organizationId: products.organizationId,
  categoryId: products.categoryId,
  nameZh: products.nameZh,
  nameEn: products.nameEn,
  model: products.model,
  hsCode: products.hsCode,
  declaredUnitAmount: products.declaredUnitAmount,
  declaredUnit: products.declaredUnit,
  systemBoundary: products.systemBoundary,
  periodStart: products.periodStart,
  periodEnd: products.periodEnd,
  productionVolume: products.productionVolume,
  site: products.site,
  exportMarkets: products.exportMarkets,
};

/** Loads the whole inventory of an application (stage, position, id order); null when it does not exist. */
export async function loadInventory(tx: DbOrTx, applicationId: string): Promise<LoadedInventory | null> {
  const [application] = await tx
    .select({
      id: applications.id,
      round: applications.round,
      productId: applications.productId,
      organizationId: applications.organizationId,
      inventoryRevision: applications.inventoryRevision,
    })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!application) return null;

  const [product] = await tx.select(SNAPSHOT_PRODUCT_COLUMNS).from(products).where(eq(products.id, application.productId));
  if (!product) return null;

  // One query at a time: a transaction is a single connection.
  const lineRows = await tx
      .select({
        line: inventoryLines,
        factor: {
          id: emissionFactors.id,
          factorKey: emissionFactors.factorKey,
          version: emissionFactors.version,
          value: emissionFactors.value,
          unit: emissionFactors.unit,
          source: emissionFactors.source,
          emissionCategory: emissionFactors.emissionCategory,
        },
      })
      .from(inventoryLines)
      .leftJoin(emissionFactors, eq(emissionFactors.id, inventoryLines.factorId))
      .where(eq(inventoryLines.applicationId, applicationId))
      .orderBy(asc(inventoryLines.stage), asc(inventoryLines.position), asc(inventoryLines.id));
  const gwpRows = await tx.select().from(gwpValues).where(eq(gwpValues.gwpSet, GWP_SET));

  // Enum columns sort in declaration order, which is the life-cycle order.
  const lines = lineRows.map(({ line, factor }): SnapshotLine => ({
    id: line.id,
    stage: line.stage,
    position: line.position,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    source: line.source,
    factor: line.source === "database_factor" && factor ? factor : null,
    supplierFactor:
      line.source === "supplier_factor" && line.supplierFactorValue !== null && line.supplierFactorUnit !== null
        ? { value: line.supplierFactorValue, unit: line.supplierFactorUnit, supplierName: line.supplierName }
        : null,
    gas: line.source === "direct_gas" ? line.gas : null,
    dataType: line.dataType,
    dqr: { technological: line.dqrTechnological, geographical: line.dqrGeographical, temporal: line.dqrTemporal },
    allocationShare: line.allocationShare,
    emissionCategory: line.emissionCategory,
  }));

  return { application, product, lines, gwpSet: GWP_SET, gwp: toGwpTable(gwpRows) };
}

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

/**
 * The inventory of an application with its (recomputed, deterministic)
 * calculation. Refuses when the application does not exist or the inventory
 * cannot be calculated.
 */
export async function loadInventorySnapshot(tx: DbOrTx, applicationId: string): Promise<InventorySnapshot> {
  const inventory = await loadInventory(tx, applicationId);
  if (!inventory) throw new NotFoundError();
  const calculation = calculateInventory(inventory);
  if (!calculation.ok) throw new ActionError("applications.errors.calculationFailed");
  return buildInventorySnapshot(inventory, calculation);
}
