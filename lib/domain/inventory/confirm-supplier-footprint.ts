import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { ConfirmSupplierFootprintValues } from "@/lib/validation/schemas/supply";
import { lockEditableInventory } from "@/lib/domain/applications/own-application";
import { auditLineChange } from "./line-audit";
import { resolveLineFlags } from "./resolve-line-flags";

/**
 * The customer keeps a line whose supplier certificate changed, knowingly: the flag is resolved
 * (and audited) so the draft may be submitted; the verifier still sees the certificate's status.
 */
export async function confirmSupplierFootprint(tx: Tx, actor: Actor | null, input: ConfirmSupplierFootprintValues) {
  assertUserCan(actor, "inventory.edit");
  const application = await lockEditableInventory(tx, actor, input.applicationId, "inventory.edit");
  const [line] = await tx
    .select({ id: inventoryLines.id })
    .from(inventoryLines)
    .where(and(eq(inventoryLines.id, input.lineId), eq(inventoryLines.applicationId, application.id)));
  if (!line) throw new NotFoundError();
  const resolved = await resolveLineFlags(tx, actor, line.id);
  if (resolved.length === 0) throw new ConflictError("supply.errors.nothingToConfirm");
  await auditLineChange(tx, actor, application, {
    action: "inventory.updateLine",
    lineId: line.id,
    data: { confirmedSupplierChanges: resolved.map((flag) => flag.change) },
  });
  return { lineId: line.id };
}
