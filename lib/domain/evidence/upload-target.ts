import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines, onSiteInspections, type Application } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { assertUserCan, isBodyStaff, type Actor } from "@/lib/policy";
import { lockEditableInventory } from "@/lib/domain/applications/own-application";
import { lockBodyApplication } from "@/lib/domain/verification/body-application";
import type { EvidenceTarget } from "@/lib/validation/schemas/evidence";

/**
 * Who may attach a file where (the "evidence.upload" policy): the owning
 * enterprise to its editable application or one of its lines; the entrusted
 * verification body to an inspection record of an application it is working
 * on. Locks the application for the rest of the transaction; throws otherwise.
 * Also the cheap check an upload runs before it reads the file.
 */
export async function lockUploadTarget(tx: Tx, actor: Actor | null, target: EvidenceTarget): Promise<Application> {
  assertUserCan(actor, "evidence.upload");
  if (isBodyStaff(actor)) {
    const application = await lockBodyApplication(tx, target.applicationId, actor, "evidence.upload");
    // A body attaches evidence to its own inspection records only, never to the enterprise's inventory.
    if (!target.inspectionId || target.lineId) throw new ForbiddenError("evidence.errors.inspectionOnly");
    const [inspection] = await tx
      .select({ id: onSiteInspections.id })
      .from(onSiteInspections)
      .where(and(eq(onSiteInspections.id, target.inspectionId), eq(onSiteInspections.applicationId, application.id)));
    if (!inspection) throw new NotFoundError();
    return application;
  }
  if (target.inspectionId) throw new ForbiddenError();
  const application = await lockEditableInventory(tx, actor, target.applicationId, "evidence.upload");
  if (target.lineId) {
    const [line] = await tx
      .select({ id: inventoryLines.id })
      .from(inventoryLines)
      .where(and(eq(inventoryLines.id, target.lineId), eq(inventoryLines.applicationId, application.id)));
    if (!line) throw new NotFoundError();
  }
  return application;
}
