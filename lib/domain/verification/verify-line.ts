import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines } from "@/db/schema";
import { NotFoundError } from "@/lib/actions/errors";
import { auditApplicationRecord, lockBodyApplication, setReviewStage, type BodyActor } from "./body-application";
import { advanceReviewStage } from "./stage-rules";

export type VerifyLineInput = { applicationId: string; lineId: string; verified: boolean; actor: BodyActor };

/**
 * 产品碳足迹核查: marks one inventory line verified (or takes the mark back).
 * The mark is the body's record; the line's data stays the enterprise's.
 */
export async function verifyLine(tx: Tx, { applicationId, lineId, verified, actor }: VerifyLineInput) {
  const application = await lockBodyApplication(tx, applicationId, actor, "verifyLine");
  const [line] = await tx
    .update(inventoryLines)
    .set(verified ? { verification: "verified", verifiedBy: actor.id } : { verification: "unverified", verifiedBy: null })
    .where(and(eq(inventoryLines.id, lineId), eq(inventoryLines.applicationId, applicationId)))
    .returning({ id: inventoryLines.id });
  if (!line) throw new NotFoundError();
  await setReviewStage(tx, applicationId, advanceReviewStage(application.reviewStage, "pcf_verification"));
  await auditApplicationRecord(tx, actor, application, {
    action: verified ? "line.verify" : "line.unverify",
    entityType: "inventory_line",
    entityId: lineId,
  });
  return line;
}
