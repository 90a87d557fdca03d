import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emissionFactors, gwpValues, products, type Application, type NewInventoryLine } from "@/db/schema";
import { ActionError } from "@/lib/actions/errors";
import { allowedStages } from "@/lib/calc/calculate";
import { GWP_SET } from "@/lib/calc/gwp";
import type { InventoryLineFields } from "@/lib/validation/schemas/inventory";

function refuse(field: string, message: string): never {
  throw new ActionError("errors.validation", { [field]: [message] });
}

/**
 * The columns of a line as entered, after checking what the schema cannot:
 * the stage is inside the product's boundary, the factor and the gas exist.
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
      .select({ id: emissionFactors.id })
      .from(emissionFactors)
      .where(eq(emissionFactors.id, input.factorId ?? ""));
    if (!factor) refuse("factorId", "inventory.validation.pickFactor");
  }
  if (input.source === "direct_gas") {
    const [gas] = await tx
      .select({ gas: gwpValues.gas })
      .from(gwpValues)
      .where(and(eq(gwpValues.gas, input.gas ?? ""), eq(gwpValues.gwpSet, GWP_SET)));
    if (!gas) refuse("gas", "validation.choice");
  }

  return lineColumns(input);
}

/** The stored columns of a checked line: only the fields of its own source are kept (also used by the import). */
export function lineColumns(input: InventoryLineFields): Omit<NewInventoryLine, "applicationId"> {
  return {
    stage: input.stage,
    description: input.description,
    quantity: input.quantity,
    unit: input.unit,
    source: input.source,
    factorId: input.source === "database_factor" ? input.factorId : null,
    supplierFactorValue: input.source === "supplier_factor" ? input.supplierFactorValue : null,
    supplierFactorUnit: input.source === "supplier_factor" ? input.supplierFactorUnit : null,
    supplierName: input.source === "supplier_factor" ? input.supplierName : null,
    gas: input.source === "direct_gas" ? input.gas : null,
    dataType: input.dataType,
    dqrTechnological: input.dqrTechnological,
    dqrGeographical: input.dqrGeographical,
    dqrTemporal: input.dqrTemporal,
    allocationShare: input.allocationShare,
    emissionCategory: input.emissionCategory,
  };
}
