import "server-only";
import type { Tx } from "@/db";
import { conflictsOfInterest } from "@/db/schema";
import { assertUserCan, type Actor } from "@/lib/policy";
import { auditApplicationRecord, lockBodyApplication } from "./body-application";

type DeclareConflictInput = { applicationId: string; reason: string };

/**
 * The body declares a conflict of interest with the enterprise behind an
 * application entrusted to it: from then on it cannot accept that enterprise's applications.
 */
export async function declareConflict(tx: Tx, actor: Actor | null, { applicationId, reason }: DeclareConflictInput) {
  assertUserCan(actor, "conflict.declare");
  const application = await lockBodyApplication(tx, applicationId, actor, "conflict.declare");
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
