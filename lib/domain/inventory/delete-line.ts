import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { auditLineChange, enteredColumns } from "./line-audit";

type DeleteLineInput = { applicationId: string; lineId: string };

/** The enterprise removes an activity-data line; the audit event keeps what it held. */
export async function deleteInventoryLine(tx: Tx, actor: Actor | null, input: DeleteLineInput) {
  assertUserCan(actor, "inventory.edit");
  const application = await lockEditableInventory(tx, actor, input.applicationId, "inventory.edit");
  const [line] = await tx
    .delete(inventoryLines)
    .where(and(eq(inventoryLines.id, input.lineId), eq(inventoryLines.applicationId, application.id)))
    .returning();
  if (!line) throw new NotFoundError();
  await bumpInventoryRevision(tx, application.id);
  await auditLineChange(tx, actor, application, {
    action: "inventory.deleteLine",
    lineId: line.id,
    data: { ...enteredColumns(line), position: line.position, verification: line.verification },
  });
  return { lineId: line.id };
}
