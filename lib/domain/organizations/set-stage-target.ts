import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { organizations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ForbiddenError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { StageTargetInput } from "@/lib/validation/schemas/body-settings";

/**
 * A verification body sets how long an application may wait in one stage before the reminders
 * job reminds whoever must act (null: the platform default). Only the body's own target, by its
 * decision maker; audited in the body's trail with the value before and after.
 */
export async function setStageTarget(tx: Tx, actor: Actor | null, input: StageTargetInput) {
  assertUserCan(actor, "stageTarget.manage");
  const [body] = await tx
    .select({ id: organizations.id, kind: organizations.kind, region: organizations.region, stageTargetDays: organizations.stageTargetDays })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId))
    .for("update");
  if (!body || body.kind !== "verification_body") throw new ForbiddenError();
  await tx.update(organizations).set({ stageTargetDays: input.stageTargetDays }).where(eq(organizations.id, body.id));
  await recordAuditEvent(tx, actor, {
    action: "organization.setStageTarget",
    entityType: "organization",
    entityId: body.id,
    subjectOrganizationId: body.id,
    region: body.region,
    fromStatus: body.stageTargetDays === null ? null : String(body.stageTargetDays),
    toStatus: input.stageTargetDays === null ? null : String(input.stageTargetDays),
    data: { previous: body.stageTargetDays, stageTargetDays: input.stageTargetDays },
  });
  return { stageTargetDays: input.stageTargetDays };
}
