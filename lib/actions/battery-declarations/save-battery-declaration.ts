"use server";

import { createAction } from "@/lib/actions/validated-action";
import { saveBatteryDeclaration } from "@/lib/domain/battery-declarations/save-battery-declaration";
import { batteryDeclarationSchema } from "@/lib/validation/schemas/battery-declaration";

/** Saves what the product's EU battery carbon footprint declaration needs beyond the footprint. */
export const saveBatteryDeclarationAction = createAction(saveBatteryDeclaration, {
  schema: batteryDeclarationSchema,
  // The application page the form sits on refreshes itself; the product page lists the product's applications.
  revalidate: (input) => [`/enterprise/products/${input.productId}`],
});
