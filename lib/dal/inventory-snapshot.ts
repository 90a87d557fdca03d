import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { applications, emissionFactors, gwpValues, inventoryLines, products } from "@/db/schema";
import { OperationError, NotFoundError } from "@/lib/errors";
import { toGwpTable } from "@/lib/calc/calculate";
import {
  buildInventorySnapshot,
  calculateInventory,
  type InventorySnapshot,
  type LoadedInventory,
  type SnapshotLine,
} from "@/lib/rules/inventory-snapshot";
import { GWP_SET } from "@/lib/calc/gwp";

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
  massPerDeclaredUnit: products.massPerDeclaredUnit,
  fossilCarbonContent: products.fossilCarbonContent,
  biogenicCarbonContent: products.biogenicCarbonContent,
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

/**
 * The inventory of an application with its (recomputed, deterministic)
 * calculation. Refuses when the application does not exist or the inventory
 * cannot be calculated.
 */
export async function loadInventorySnapshot(tx: DbOrTx, applicationId: string): Promise<InventorySnapshot> {
  const inventory = await loadInventory(tx, applicationId);
  if (!inventory) throw new NotFoundError();
  const calculation = calculateInventory(inventory);
  if (!calculation.ok) throw new OperationError("applications.errors.calculationFailed");
  return buildInventorySnapshot(inventory, calculation);
}
