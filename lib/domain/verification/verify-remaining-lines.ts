import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { auditApplicationRecord, lockBodyApplication, setReviewStage } from "./body-application";
import { advanceReviewStage } from "@/lib/rules/verification";

type VerifyRemainingLinesInput = { applicationId: string; expectedCount: number };

/**
 * 产品碳足迹核查, the rest at once: marks every line of the application not yet verified as
 * verified, with the same permission and state as marking one (`line.verify`) and one audit
 * event per line, so the trail reads as if each had been marked. The verifier confirmed a number
 * of lines; when another mark or unmark landed since (the count differs), nothing is marked and
 * the page shows the new count.
 */
export async function verifyRemainingLines(tx: Tx, actor: Actor | null, { applicationId, expectedCount }: VerifyRemainingLinesInput) {
  assertUserCan(actor, "line.verify");
  const application = await lockBodyApplication(tx, applicationId, actor, "line.verify");
  const remaining = and(eq(inventoryLines.applicationId, applicationId), ne(inventoryLines.verification, "verified"));
  // The application row lock serializes every mark on its lines, so this count is the one updated below.
  const pending = await tx.select({ id: inventoryLines.id }).from(inventoryLines).where(remaining);
  if (pending.length !== expectedCount) throw new ConflictError("verifier.errors.remainingLinesChanged");
  if (pending.length === 0) return { verified: 0 };
  const lines = await tx
    .update(inventoryLines)
    .set({ verification: "verified", verifiedBy: actor.id })
    .where(remaining)
    .returning({ id: inventoryLines.id });
  await setReviewStage(tx, applicationId, advanceReviewStage(application.reviewStage, "pcf_verification"));
  for (const line of lines) {
    await auditApplicationRecord(tx, actor, application, { action: "line.verify", entityType: "inventory_line", entityId: line.id });
  }
  return { verified: lines.length };
}
