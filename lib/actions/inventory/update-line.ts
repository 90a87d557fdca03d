"use server";

import { and, eq } from "drizzle-orm";
import { inventoryLines } from "@/db/schema";
import { NotFoundError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { lineValues } from "@/lib/domain/inventory/line-values";
import { updateInventoryLineSchema } from "@/lib/validation/schemas/inventory";

/** Changes an activity-data line; a changed line is no longer verified. */
export const updateInventoryLineAction = createAction("inventory.edit", {
  schema: updateInventoryLineSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`],
  run: async ({ user, input, tx }) => {
    const application = await lockEditableInventory(tx, user, input.applicationId);
    const values = await lineValues(tx, application, input);
    const [line] = await tx
      .update(inventoryLines)
      .set({ ...values, verification: "unverified", verifiedBy: null, updatedAt: new Date() })
      .where(and(eq(inventoryLines.id, input.lineId), eq(inventoryLines.applicationId, application.id)))
      .returning({ id: inventoryLines.id });
    if (!line) throw new NotFoundError();
    await bumpInventoryRevision(tx, application.id);
    return { lineId: line.id };
  },
});
