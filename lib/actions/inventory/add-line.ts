"use server";

import { and, eq, sql } from "drizzle-orm";
import { inventoryLines } from "@/db/schema";
import { createAction } from "@/lib/actions/validated-action";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { lineValues } from "@/lib/domain/inventory/line-values";
import { inventoryLineSchema } from "@/lib/validation/schemas/inventory";

/** Adds an activity-data line at the end of its stage. */
export const addInventoryLineAction = createAction("inventory.edit", {
  schema: inventoryLineSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`],
  run: async ({ user, input, tx }) => {
    const application = await lockEditableInventory(tx, user, input.applicationId);
    const values = await lineValues(tx, application, input);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${inventoryLines.position}), -1)::int + 1` })
      .from(inventoryLines)
      .where(and(eq(inventoryLines.applicationId, application.id), eq(inventoryLines.stage, input.stage)));
    const [line] = await tx
      .insert(inventoryLines)
      .values({ ...values, applicationId: application.id, position: next })
      .returning({ id: inventoryLines.id });
    await bumpInventoryRevision(tx, application.id);
    return { lineId: line.id };
  },
});
