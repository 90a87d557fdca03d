import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { InventoryLineFields } from "@/lib/validation/schemas/inventory";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { auditLineChange, changedColumns } from "./line-audit";
import { lineValues } from "./line-values";
import { resolveLineFlags } from "./resolve-line-flags";

type UpdateLineInput = InventoryLineFields & { applicationId: string; lineId: string };

/** The enterprise changes an activity-data line; a changed line is no longer verified. */
export async function updateInventoryLine(tx: Tx, actor: Actor | null, input: UpdateLineInput) {
  assertUserCan(actor, "inventory.edit");
  const application = await lockEditableInventory(tx, actor, input.applicationId, "inventory.edit");
  const [before] = await tx
    .select()
    .from(inventoryLines)
    .where(and(eq(inventoryLines.id, input.lineId), eq(inventoryLines.applicationId, application.id)));
  if (!before) throw new NotFoundError();
  const values = await lineValues(tx, application, input);
  await tx
    .update(inventoryLines)
    // A manual edit ends a supplier certified footprint: the line no longer carries the supplier's figure.
    .set({ ...values, supplyRequestId: null, importedFootprintId: null, verification: "unverified", verifiedBy: null, updatedAt: new Date() })
    .where(eq(inventoryLines.id, before.id));
  await resolveLineFlags(tx, actor, before.id);
  await bumpInventoryRevision(tx, application.id);
  await auditLineChange(tx, actor, application, {
    action: "inventory.updateLine",
    lineId: before.id,
    data: { ...changedColumns(before, values), verificationBefore: before.verification },
  });
  return { lineId: before.id };
}
