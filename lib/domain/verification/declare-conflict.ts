import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, conflictsOfInterest } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/actions/errors";
import { auditApplicationRecord, type BodyActor } from "./body-application";

export type DeclareConflictInput = { applicationId: string; reason: string; actor: BodyActor };

/**
 * The body declares a conflict of interest with the enterprise behind an
 * application entrusted to it: from then on it cannot accept that enterprise's applications.
 */
export async function declareConflict(tx: Tx, { applicationId, reason, actor }: DeclareConflictInput) {
  const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  if (!application) throw new NotFoundError();
  if (application.verificationBodyId !== actor.organizationId) throw new ForbiddenError();
  await tx
    .insert(conflictsOfInterest)
    .values({ verificationBodyId: actor.organizationId, enterpriseId: application.organizationId, reason, declaredBy: actor.id })
    .onConflictDoUpdate({
      target: [conflictsOfInterest.verificationBodyId, conflictsOfInterest.enterpriseId],
      set: { reason, declaredBy: actor.id },
    });
  await auditApplicationRecord(tx, actor, application, {
    action: "conflict.declare",
    entityType: "conflict_of_interest",
    entityId: `${actor.organizationId}:${application.organizationId}`,
    reason,
  });
  return { enterpriseId: application.organizationId };
}
