"use server";

import { createAction } from "@/lib/actions/validated-action";
import { confirmSupplierFootprint } from "@/lib/domain/inventory/confirm-supplier-footprint";
import { confirmSupplierFootprintSchema } from "@/lib/validation/schemas/supply";

export const confirmSupplierFootprintAction = createAction(confirmSupplierFootprint, {
  schema: confirmSupplierFootprintSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`],
});
