import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { conflictsOfInterest, inventoryLines, submissions, users } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockBodyApplication, productParams } from "./body-application";
import { diffRounds, snapshotLines } from "@/lib/rules/round-diff";
import { statusAfterAcceptance } from "@/lib/rules/verification";

type AcceptInput = { applicationId: string; expectedVersion: number };

/**
 * 受理: the body takes on a submitted application, never its own
 * organization's product nor one of an enterprise it declared a conflict of
 * interest with.
 */
export async function acceptApplication(tx: Tx, actor: Actor | null, { applicationId, expectedVersion }: AcceptInput) {
  assertUserCan(actor, "application.accept");
  const application = await lockBodyApplication(tx, applicationId, actor, "application.accept");
  if (application.organizationId === actor.organizationId) throw new OperationError("verifier.errors.ownOrganization");
  const [conflict] = await tx
    .select({ reason: conflictsOfInterest.reason })
    .from(conflictsOfInterest)
    .where(
      and(
        eq(conflictsOfInterest.verificationBodyId, actor.organizationId),
        eq(conflictsOfInterest.enterpriseId, application.organizationId),
      ),
    );
  if (conflict) throw new OperationError("verifier.errors.conflictOfInterest");

  const alreadyPlanned = await plannedByThisBody(tx, application.leadVerifierId, application.plannedAt, actor.organizationId);
  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion,
    from: ["submitted"],
    to: statusAfterAcceptance(alreadyPlanned),
    actor,
    action: "application.accept",
    set: { acceptedAt: new Date(), declineReason: null },
  });
  await recordAcceptor(tx, applicationId, actor.id);
  if (alreadyPlanned) await unverifyChangedLines(tx, applicationId);
  await notify(tx, {
    organizationId: application.organizationId,
    kind: "applicationAccepted",
    applicationId,
    params: productParams(application),
  });
  return updated;
}

/** Who accepted the round now submitted: no acceptor of any round takes the decision. */
async function recordAcceptor(tx: Tx, applicationId: string, acceptorId: string) {
  const [latest] = await tx
    .select({ id: submissions.id })
    .from(submissions)
    .where(eq(submissions.applicationId, applicationId))
    .orderBy(desc(submissions.round))
    .limit(1);
  if (latest) await tx.update(submissions).set({ acceptedBy: acceptorId }).where(eq(submissions.id, latest.id));
}

/** A resubmission to the body that planned the review keeps its plan; one to another body starts over. */
async function plannedByThisBody(tx: Tx, leadVerifierId: string | null, plannedAt: Date | null, bodyId: string) {
  if (!plannedAt || !leadVerifierId) return false;
  const [lead] = await tx.select({ organizationId: users.organizationId }).from(users).where(eq(users.id, leadVerifierId));
  return lead?.organizationId === bodyId;
}

/** A line the enterprise edited since the last round must be verified again. */
async function unverifyChangedLines(tx: Tx, applicationId: string) {
  const [current, previous] = await tx
    .select({ snapshot: submissions.snapshot })
    .from(submissions)
    .where(eq(submissions.applicationId, applicationId))
    .orderBy(desc(submissions.round))
    .limit(2);
  if (!current || !previous) return;
  const edited = diffRounds(
    { lines: snapshotLines(previous.snapshot), result: null },
    { lines: snapshotLines(current.snapshot), result: null },
  ).edited.map((edit) => edit.after.id);
  if (edited.length === 0) return;
  await tx
    .update(inventoryLines)
    .set({ verification: "unverified", verifiedBy: null })
    .where(and(eq(inventoryLines.applicationId, applicationId), inArray(inventoryLines.id, edited)));
}
