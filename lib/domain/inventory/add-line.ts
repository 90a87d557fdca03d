import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines } from "@/db/schema";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { InventoryLineFields } from "@/lib/validation/schemas/inventory";
import { bumpInventoryRevision, lockEditableInventory } from "@/lib/domain/applications/own-application";
import { auditLineChange } from "./line-audit";
import { lineValues } from "./line-values";

type AddLineInput = InventoryLineFields & { applicationId: string };

/** The enterprise adds an activity-data line at the end of its stage. */
export async function addInventoryLine(tx: Tx, actor: Actor | null, input: AddLineInput) {
  assertUserCan(actor, "inventory.edit");
  const application = await lockEditableInventory(tx, actor, input.applicationId, "inventory.edit");
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
  await auditLineChange(tx, actor, application, { action: "inventory.addLine", lineId: line.id, data: { ...values, position: next } });
  return { lineId: line.id };
}
