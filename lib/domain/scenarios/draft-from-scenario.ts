import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, inventoryLines, organizations, products, reductionScenarios } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadScenarioChanges, productHasOpenApplication } from "@/lib/dal/scenarios";
import { ConflictError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { applyScenarioChanges } from "@/lib/rules/scenario";
import { lockOwnScenario, requireScenarioBasis, scenarioAuditSubject } from "./own-scenario";

/**
 * When the change is made for real, a scenario becomes a new draft application of the same
 * product: the current inventory copied with the scenario's changes (unverified, to be
 * calculated, evidenced and submitted as any draft). The scenario's own application is left as
 * it is; one open application per product still holds, so a product whose application is not
 * yet decided is refused.
 */
export async function draftFromScenario(tx: Tx, actor: Actor | null, input: { scenarioId: string }) {
  assertUserCan(actor, "scenario.manage");
  assertUserCan(actor, "application.create");
  const { application, scenario } = await lockOwnScenario(tx, actor, input.scenarioId);
  const basis = await requireScenarioBasis(tx, application);
  // Locking the product serializes this with every other way of opening one of its applications.
  const [product] = await tx.select().from(products).where(eq(products.id, application.productId)).for("update");
  if (await productHasOpenApplication(tx, product.id)) throw new ConflictError("scenarios.errors.productHasOpenApplication");
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, product.organizationId));

  const [draft] = await tx
    .insert(applications)
    .values({
      productId: product.id,
      organizationId: product.organizationId,
      categoryId: product.categoryId,
      region: organization.region,
      district: organization.district,
    })
    .returning();
  const changes = (await loadScenarioChanges(tx, [scenario.id])).get(scenario.id) ?? [];
  const lines = applyScenarioChanges(basis.inventory, changes).lines;
  if (lines.length > 0) {
    await tx.insert(inventoryLines).values(
      lines.map((line) => ({
        applicationId: draft.id,
        stage: line.stage,
        position: line.position,
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        source: line.source,
        factorId: line.factor?.id ?? null,
        supplierFactorValue: line.supplierFactor?.value ?? null,
        supplierFactorUnit: line.supplierFactor?.unit ?? null,
        supplierName: line.supplierFactor?.supplierName ?? null,
        gas: line.gas,
        dataType: line.dataType,
        dqrTechnological: line.dqr.technological,
        dqrGeographical: line.dqr.geographical,
        dqrTemporal: line.dqr.temporal,
        allocationShare: line.allocationShare,
        emissionCategory: line.emissionCategory,
      })),
    );
  }
  await tx.update(reductionScenarios).set({ convertedApplicationId: draft.id, updatedAt: new Date() }).where(eq(reductionScenarios.id, scenario.id));
  await recordAuditEvent(tx, actor, {
    action: "application.create",
    entityType: "application",
    entityId: draft.id,
    subjectOrganizationId: product.organizationId,
    region: organization.region,
    productId: product.id,
    applicationId: draft.id,
    toStatus: "draft",
    data: { fromScenario: scenario.id },
  });
  await recordAuditEvent(tx, actor, {
    action: "scenario.toDraft",
    entityType: "reduction_scenario",
    entityId: scenario.id,
    ...scenarioAuditSubject(application),
    data: { draftApplicationId: draft.id, changes: changes.length },
  });
  return { applicationId: draft.id };
}
