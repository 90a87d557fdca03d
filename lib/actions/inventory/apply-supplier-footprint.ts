"use server";

import { createAction } from "@/lib/actions/validated-action";
import { applySupplierFootprint } from "@/lib/domain/inventory/apply-supplier-footprint";
import { applySupplierFootprintSchema } from "@/lib/validation/schemas/supply";
import { SUPPLY_PATHS } from "@/lib/actions/supply-requests/paths";

export const applySupplierFootprintAction = createAction(applySupplierFootprint, {
  schema: applySupplierFootprintSchema,
  revalidate: (input) => [...SUPPLY_PATHS, `/enterprise/applications/${input.applicationId}`],
});
