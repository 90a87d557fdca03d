import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, inventoryLines, onSiteInspections, type ApplicationStatus } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/actions/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { lockEditableInventory } from "@/lib/domain/applications/own-application";
import type { EvidenceTarget } from "@/lib/validation/schemas/evidence";

/** The body records on-site inspection evidence while it works on the application. */
const BODY_UPLOAD_STATUSES: ApplicationStatus[] = ["accepted", "in_review"];

export type UploadTarget = { id: string; organizationId: string; region: string; productId: string };

async function lockBodyApplication(tx: Tx, user: CurrentUser, target: EvidenceTarget): Promise<UploadTarget> {
  const [application] = await tx
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      region: applications.region,
      productId: applications.productId,
    })
    .from(applications)
    .where(
      and(
        eq(applications.id, target.applicationId),
        eq(applications.verificationBodyId, user.organizationId),
        inArray(applications.status, BODY_UPLOAD_STATUSES),
      ),
    )
    .for("update");
  if (!application) throw new NotFoundError();
  // A body attaches evidence to its own inspection records only, never to the enterprise's inventory.
  if (!target.inspectionId || target.lineId) throw new ForbiddenError("evidence.errors.inspectionOnly");
  const [inspection] = await tx
    .select({ id: onSiteInspections.id })
    .from(onSiteInspections)
    .where(and(eq(onSiteInspections.id, target.inspectionId), eq(onSiteInspections.applicationId, application.id)));
  if (!inspection) throw new NotFoundError();
  return application;
}

/**
 * Who may attach a file where: the owning enterprise to its editable
 * application or one of its lines; the assigned verification body to an
 * inspection record of an application it is working on. Throws otherwise.
 */
export async function lockUploadTarget(tx: Tx, user: CurrentUser, target: EvidenceTarget): Promise<UploadTarget> {
  if (user.organizationKind === "verification_body") return lockBodyApplication(tx, user, target);
  if (user.organizationKind !== "enterprise" || target.inspectionId) throw new ForbiddenError();
  const application = await lockEditableInventory(tx, user, target.applicationId);
  if (target.lineId) {
    const [line] = await tx
      .select({ id: inventoryLines.id })
      .from(inventoryLines)
      .where(and(eq(inventoryLines.id, target.lineId), eq(inventoryLines.applicationId, application.id)));
    if (!line) throw new NotFoundError();
  }
  return application;
}
