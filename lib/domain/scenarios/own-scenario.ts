import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, reductionScenarios, type Application, type ReductionScenario } from "@/db/schema";
import type { UserActor } from "@/lib/policy";
import { loadScenarioBasis, type ScenarioBasis } from "@/lib/dal/scenarios";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { assertDecision, decideOnApplication } from "@/lib/policy";
import { z } from "@/lib/validation/zod";

const uuid = z.uuid();

/**
 * The actor's own application, locked for the transaction (so scenario writes of one application
 * queue): another enterprise's is "not found".
 */
export async function lockScenarioApplication(tx: Tx, actor: UserActor, applicationId: string): Promise<Application> {
  if (!uuid.safeParse(applicationId).success) throw new NotFoundError();
  const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for("update");
  if (!application) throw new NotFoundError();
  assertDecision(decideOnApplication(actor, "scenario.manage", application));
  return application;
}

/** The basis scenarios are calculated against; refused while the current inventory has no calculation. */
export async function requireScenarioBasis(tx: Tx, application: Application): Promise<ScenarioBasis> {
  const basis = await loadScenarioBasis(tx, application);
  if (!basis) throw new ConflictError("scenarios.errors.notCalculated");
  return basis;
}

/** One of the actor's scenarios with its application, both locked (application first, as every scenario write). */
export async function lockOwnScenario(tx: Tx, actor: UserActor, scenarioId: string): Promise<{ application: Application; scenario: ReductionScenario }> {
  if (!uuid.safeParse(scenarioId).success) throw new NotFoundError("scenarios.errors.notFound");
  const [found] = await tx.select({ applicationId: reductionScenarios.applicationId }).from(reductionScenarios).where(eq(reductionScenarios.id, scenarioId));
  if (!found) throw new NotFoundError("scenarios.errors.notFound");
  const application = await lockScenarioApplication(tx, actor, found.applicationId);
  const [scenario] = await tx.select().from(reductionScenarios).where(eq(reductionScenarios.id, scenarioId)).for("update");
  if (!scenario) throw new NotFoundError("scenarios.errors.notFound");
  return { application, scenario };
}

/** The audit event's subject fields of a scenario write. */
export function scenarioAuditSubject(application: Application) {
  return {
    subjectOrganizationId: application.organizationId,
    region: application.region,
    productId: application.productId,
    applicationId: application.id,
  };
}
