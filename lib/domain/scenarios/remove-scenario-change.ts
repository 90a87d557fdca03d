import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { reductionScenarios, scenarioChanges } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { z } from "@/lib/validation/zod";
import { lockOwnScenario, scenarioAuditSubject } from "./own-scenario";

/** The enterprise takes one change out of its scenario (the scenario is then recalculated without it). */
export async function removeScenarioChange(tx: Tx, actor: Actor | null, input: { changeId: string }) {
  assertUserCan(actor, "scenario.manage");
  if (!z.uuid().safeParse(input.changeId).success) throw new NotFoundError("scenarios.errors.notFound");
  const [found] = await tx.select({ scenarioId: scenarioChanges.scenarioId }).from(scenarioChanges).where(eq(scenarioChanges.id, input.changeId));
  if (!found) throw new NotFoundError("scenarios.errors.notFound");
  const { application, scenario } = await lockOwnScenario(tx, actor, found.scenarioId);
  const [removed] = await tx.delete(scenarioChanges).where(eq(scenarioChanges.id, input.changeId)).returning();
  if (!removed) throw new NotFoundError("scenarios.errors.notFound");
  await tx.update(reductionScenarios).set({ updatedAt: new Date() }).where(eq(reductionScenarios.id, scenario.id));
  await recordAuditEvent(tx, actor, {
    action: "scenario.removeChange",
    entityType: "reduction_scenario",
    entityId: scenario.id,
    ...scenarioAuditSubject(application),
    data: { changeId: removed.id, lineId: removed.lineId, kind: removed.kind },
  });
  return { scenarioId: scenario.id, applicationId: application.id };
}
