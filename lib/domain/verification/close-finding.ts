import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { findings } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { auditApplicationRecord, lockBodyApplication } from "./body-application";

type CloseFindingInput = { applicationId: string; findingId: string };

/** The body accepts the enterprise's correction; a finding it keeps simply stays open. */
export async function closeFinding(tx: Tx, actor: Actor | null, { applicationId, findingId }: CloseFindingInput) {
  assertUserCan(actor, "finding.close");
  const application = await lockBodyApplication(tx, applicationId, actor, "finding.close");
  const [closed] = await tx
    .update(findings)
    .set({ status: "closed", closedBy: actor.id, closedAt: new Date() })
    .where(and(eq(findings.id, findingId), eq(findings.applicationId, applicationId), eq(findings.status, "open")))
    .returning({ id: findings.id });
  if (!closed) throw new ConflictError();
  await auditApplicationRecord(tx, actor, application, {
    action: "finding.close",
    entityType: "finding",
    entityId: findingId,
  });
  return closed;
}
