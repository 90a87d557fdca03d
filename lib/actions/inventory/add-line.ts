"use server";

import { createAction } from "@/lib/actions/validated-action";
import { addInventoryLine } from "@/lib/domain/inventory/add-line";
import { inventoryLineSchema } from "@/lib/validation/schemas/inventory";

/** Adds an activity-data line at the end of its stage. */
export const addInventoryLineAction = createAction(addInventoryLine, {
  schema: inventoryLineSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`],
});
