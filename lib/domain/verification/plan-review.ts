import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { applicationTeam, users } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockBodyApplication } from "./body-application";

type PlanInput = {
  applicationId: string;
  expectedVersion: number;
  leadVerifierId: string;
  memberIds: string[];
  plannedDocumentReviewOn: string;
  plannedOnSiteOn: string;
};

/** Active verifiers and reviewers of the body among `userIds`. */
async function bodyStaff(tx: Tx, bodyId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, userIds),
        eq(users.organizationId, bodyId),
        eq(users.disabled, false),
        inArray(users.role, ["verifier", "reviewer"]),
      ),
    );
  return new Set(rows.map((row) => row.id));
}

/** 认证策划: lead verifier, team and dates; the application enters review (document review first). */
export async function planReview(tx: Tx, actor: Actor | null, input: PlanInput) {
  assertUserCan(actor, "application.plan");
  const { applicationId } = input;
  await lockBodyApplication(tx, applicationId, actor, "application.plan");
  const memberIds = [...new Set(input.memberIds)].filter((id) => id !== input.leadVerifierId);
  const staff = await bodyStaff(tx, actor.organizationId, [input.leadVerifierId, ...memberIds]);
  const fieldErrors: Record<string, string[]> = {};
  if (!staff.has(input.leadVerifierId)) fieldErrors.leadVerifierId = ["verifier.errors.notInBody"];
  if (memberIds.some((id) => !staff.has(id))) fieldErrors.memberIds = ["verifier.errors.notInBody"];
  if (Object.keys(fieldErrors).length) throw new OperationError("errors.validation", fieldErrors);

  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion: input.expectedVersion,
    from: ["accepted"],
    to: "in_review",
    actor,
    action: "application.plan",
    set: {
      leadVerifierId: input.leadVerifierId,
      plannedDocumentReviewOn: input.plannedDocumentReviewOn,
      plannedOnSiteOn: input.plannedOnSiteOn,
      plannedAt: new Date(),
      plannedBy: actor.id,
      reviewStage: "document_review",
    },
    data: {
      leadVerifierId: input.leadVerifierId,
      memberIds,
      plannedDocumentReviewOn: input.plannedDocumentReviewOn,
      plannedOnSiteOn: input.plannedOnSiteOn,
    },
  });
  await tx.delete(applicationTeam).where(eq(applicationTeam.applicationId, applicationId));
  await tx.insert(applicationTeam).values([
    { applicationId, userId: input.leadVerifierId, teamRole: "lead" as const },
    ...memberIds.map((userId) => ({ applicationId, userId, teamRole: "member" as const })),
  ]);
  return updated;
}
