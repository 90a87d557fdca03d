import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { findings, inventoryLines, type Application } from "@/db/schema";
import { OperationError } from "@/lib/errors";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { notify } from "@/lib/notifications/notify";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockBodyApplication, productParams } from "./body-application";
import { recommendationBlockers } from "@/lib/rules/verification";

type RecommendInput = {
  applicationId: string;
  expectedVersion: number;
  recommendation: NonNullable<Application["recommendation"]>;
  statement: string;
};

/** The verification team recommends approval or rejection with its written verification statement. */
export async function recommendApplication(tx: Tx, actor: Actor | null, input: RecommendInput) {
  assertUserCan(actor, "application.recommend");
  const { applicationId } = input;
  const application = await lockBodyApplication(tx, applicationId, actor, "application.recommend");
  // One statement at a time: a transaction is one connection.
  const lines = await tx
    .select({ verification: inventoryLines.verification })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, applicationId));
  const findingRows = await tx
    .select({ severity: findings.severity, status: findings.status })
    .from(findings)
    .where(eq(findings.applicationId, applicationId));
  const blockers = recommendationBlockers(lines, findingRows);
  if (blockers.length) throw new OperationError(`verifier.errors.${blockers[0]}`);
  const updated = await transitionApplication(tx, {
    applicationId,
    expectedVersion: input.expectedVersion,
    from: ["in_review"],
    to: "awaiting_decision",
    actor,
    action: "application.recommend",
    set: { recommendation: input.recommendation, verificationStatement: input.statement, recommendedAt: new Date(), recommendedBy: actor.id },
    data: { recommendation: input.recommendation },
  });
  await notify(tx, {
    organizationId: actor.organizationId,
    kind: "awaitingDecision",
    applicationId,
    params: productParams(application),
  });
  return updated;
}
