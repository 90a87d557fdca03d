import type { NewInventoryLine } from "@/db/schema";
import type { InventoryLineFields } from "@/lib/validation/schemas/inventory";

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
