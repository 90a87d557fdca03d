import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { findings, inventoryLines, type Finding } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { auditApplicationRecord, lockBodyApplication } from "./body-application";

type RaiseFindingInput = {
  applicationId: string;
  /** Omitted for a finding on the application as a whole. */
  lineId?: string | null;
  severity: Finding["severity"];
  text: string;
};

/** A major or minor nonconformity or an observation, on one line or the whole application. */
export async function raiseFinding(tx: Tx, actor: Actor | null, { applicationId, lineId, severity, text }: RaiseFindingInput) {
  assertUserCan(actor, "finding.raise");
  const application = await lockBodyApplication(tx, applicationId, actor, "finding.raise");
  if (lineId) {
    const [line] = await tx
      .select({ id: inventoryLines.id })
      .from(inventoryLines)
      .where(and(eq(inventoryLines.id, lineId), eq(inventoryLines.applicationId, applicationId)));
    if (!line) throw new NotFoundError();
  }
  const [finding] = await tx
    .insert(findings)
    .values({ applicationId, lineId: lineId ?? null, round: application.round, severity, text, raisedBy: actor.id })
    .returning();
  await auditApplicationRecord(tx, actor, application, {
    action: "finding.raise",
    entityType: "finding",
    entityId: finding.id,
    data: { lineId: finding.lineId, severity, text },
  });
  return finding;
}
