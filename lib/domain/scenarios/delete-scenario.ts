import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { reductionScenarios } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockOwnScenario, scenarioAuditSubject } from "./own-scenario";

/** The enterprise discards one of its scenarios with its changes; the inventory never had them. */
export async function deleteScenario(tx: Tx, actor: Actor | null, input: { scenarioId: string }) {
  assertUserCan(actor, "scenario.manage");
  const { application, scenario } = await lockOwnScenario(tx, actor, input.scenarioId);
  await tx.delete(reductionScenarios).where(eq(reductionScenarios.id, scenario.id));
  await recordAuditEvent(tx, actor, {
    action: "scenario.delete",
    entityType: "reduction_scenario",
    entityId: scenario.id,
    ...scenarioAuditSubject(application),
    data: { name: scenario.name },
  });
  return { applicationId: application.id };
}
