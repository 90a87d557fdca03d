import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emissionFactors, gwpValues, products, type Application, type NewInventoryLine } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { allowedStages } from "@/lib/calc/calculate";
import { GWP_SET } from "@/lib/calc/gwp";
import { lineColumns } from "@/lib/rules/inventory-line";
import { unitConversionError, type InventoryLineFields } from "@/lib/validation/schemas/inventory";

function refuse(field: string, message: string): never {
  throw new OperationError("errors.validation", { [field]: [message] });
}

/** The quantity's unit must convert into the unit its factor is per (a gas is weighed). */
function assertConvertible(unit: string, factorUnit: string) {
  const message = unitConversionError(unit, factorUnit);
  if (message) refuse("unit", message);
}

/**
 * The columns of a line as entered, after checking what the schema cannot:
 * the stage is inside the product's boundary, the factor and the gas exist,
 * the quantity's unit converts into the factor's.
 * Fields of the other sources are cleared so a line has exactly one source.
 */
export async function lineValues(
  tx: Tx,
  application: Application,
  input: InventoryLineFields,
): Promise<Omit<NewInventoryLine, "applicationId">> {
  const [product] = await tx
    .select({ systemBoundary: products.systemBoundary })
    .from(products)
    .where(eq(products.id, application.productId));
  if (!allowedStages(product.systemBoundary).includes(input.stage)) refuse("stage", "inventory.validation.stageOutsideBoundary");

  if (input.source === "database_factor") {
    const [factor] = await tx
      .select({ id: emissionFactors.id, unit: emissionFactors.unit })
      .from(emissionFactors)
      .where(eq(emissionFactors.id, input.factorId ?? ""));
    if (!factor) refuse("factorId", "inventory.validation.pickFactor");
    assertConvertible(input.unit, factor.unit);
  }
  if (input.source === "supplier_factor" && input.supplierFactorUnit) assertConvertible(input.unit, input.supplierFactorUnit);
  if (input.source === "direct_gas") {
    const [gas] = await tx
      .select({ gas: gwpValues.gas })
      .from(gwpValues)
      .where(and(eq(gwpValues.gas, input.gas ?? ""), eq(gwpValues.gwpSet, GWP_SET)));
    if (!gas) refuse("gas", "validation.choice");
    assertConvertible(input.unit, "kg");
  }

  return lineColumns(input);
}
