"use server";

import { and, eq } from "drizzle-orm";
import { inventoryLines } from "@/db/schema";
import { NotFoundError } from "@/lib/actions/errors";
import { createAction } from "@/lib/actions/validated-action";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { deleteInventoryLineSchema } from "@/lib/validation/schemas/inventory";

export const deleteInventoryLineAction = createAction("inventory.edit", {
  schema: deleteInventoryLineSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`],
  run: async ({ user, input, tx }) => {
    const application = await lockEditableInventory(tx, user, input.applicationId);
    const [line] = await tx
      .delete(inventoryLines)
      .where(and(eq(inventoryLines.id, input.lineId), eq(inventoryLines.applicationId, application.id)))
      .returning({ id: inventoryLines.id });
    if (!line) throw new NotFoundError();
    await bumpInventoryRevision(tx, application.id);
    return { lineId: line.id };
  },
});
