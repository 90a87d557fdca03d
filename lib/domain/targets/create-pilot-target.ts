import "server-only";
import type { z } from "zod";
import type { Tx } from "@/db";
import { pilotTargets } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requireCategory } from "@/lib/dal/benchmark-preview";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { pilotTargetSchema } from "@/lib/validation/schemas/regulator";

type PilotTargetInput = z.output<typeof pilotTargetSchema>;

/** The bureau sets a pilot target for its own region (all categories, or one). */
export async function createPilotTarget(tx: Tx, actor: Actor | null, input: PilotTargetInput) {
  assertUserCan(actor, "target.manage");
  if (input.categoryId) await requireCategory(tx, input.categoryId);
  const [target] = await tx
    .insert(pilotTargets)
    .values({
      regulatorId: actor.organizationId,
      region: actor.region,
      categoryId: input.categoryId ?? null,
      title: input.title,
      metric: input.metric,
      targetCount: input.targetCount,
      deadline: input.deadline,
      createdBy: actor.id,
    })
    .returning({ id: pilotTargets.id });
  await recordAuditEvent(tx, actor, {
    action: "target.create",
    entityType: "pilot_target",
    entityId: target.id,
    subjectOrganizationId: actor.organizationId,
    region: actor.region,
    data: { title: input.title, metric: input.metric, targetCount: input.targetCount, deadline: input.deadline },
  });
  return { id: target.id };
}
