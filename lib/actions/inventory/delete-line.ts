"use server";

import { createAction } from "@/lib/actions/validated-action";
import { deleteInventoryLine } from "@/lib/domain/inventory/delete-line";
import { deleteInventoryLineSchema } from "@/lib/validation/schemas/inventory";

/** Removes an activity-data line. */
export const deleteInventoryLineAction = createAction(deleteInventoryLine, {
  schema: deleteInventoryLineSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`],
});
