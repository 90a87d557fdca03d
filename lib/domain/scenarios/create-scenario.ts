import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { reductionScenarios } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { OperationError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import type { CreateScenarioInput } from "@/lib/validation/schemas/scenarios";
import { lockScenarioApplication, requireScenarioBasis, scenarioAuditSubject } from "./own-scenario";

/**
 * The enterprise starts a named what-if scenario on its calculated application; the inventory is
 * not touched. Names are unique per application, so scenarios side by side can be told apart.
 */
export async function createScenario(tx: Tx, actor: Actor | null, input: CreateScenarioInput) {
  assertUserCan(actor, "scenario.manage");
  const application = await lockScenarioApplication(tx, actor, input.applicationId);
  await requireScenarioBasis(tx, application);
  const [taken] = await tx
    .select({ id: reductionScenarios.id })
    .from(reductionScenarios)
    .where(and(eq(reductionScenarios.applicationId, application.id), eq(reductionScenarios.name, input.name)));
  if (taken) throw new OperationError("errors.validation", { name: ["scenarios.validation.nameTaken"] });
  const [scenario] = await tx
    .insert(reductionScenarios)
    .values({ applicationId: application.id, organizationId: application.organizationId, name: input.name, createdBy: actor.id })
    .returning({ id: reductionScenarios.id });
  await recordAuditEvent(tx, actor, {
    action: "scenario.create",
    entityType: "reduction_scenario",
    entityId: scenario.id,
    ...scenarioAuditSubject(application),
    data: { name: input.name },
  });
  return { scenarioId: scenario.id };
}
