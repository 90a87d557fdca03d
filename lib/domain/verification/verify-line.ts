import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { inventoryLines } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { auditApplicationRecord, lockBodyApplication, setReviewStage } from "./body-application";
import { advanceReviewStage } from "@/lib/rules/verification";

type VerifyLineInput = { applicationId: string; lineId: string; verified: boolean };

/**
 * 产品碳足迹核查: marks one inventory line verified (or takes the mark back).
 * The mark is the body's record; the line's data stays the enterprise's.
 */
export async function verifyLine(tx: Tx, actor: Actor | null, { applicationId, lineId, verified }: VerifyLineInput) {
  assertUserCan(actor, "line.verify");
  const application = await lockBodyApplication(tx, applicationId, actor, "line.verify");
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
