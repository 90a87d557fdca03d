"use server";

import { createAction } from "@/lib/actions/validated-action";
import { updateInventoryLine } from "@/lib/domain/inventory/update-line";
import { updateInventoryLineSchema } from "@/lib/validation/schemas/inventory";

/** Changes an activity-data line; a changed line is no longer verified. */
export const updateInventoryLineAction = createAction(updateInventoryLine, {
  schema: updateInventoryLineSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`],
});
