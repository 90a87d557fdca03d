import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { emissionFactors, reductionScenarios, scenarioChanges } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadScenarioChanges } from "@/lib/dal/scenarios";
import { OperationError } from "@/lib/errors";
import { assertUserCan, type Actor } from "@/lib/policy";
import { calculateScenario, type ScenarioChangeInput } from "@/lib/rules/scenario";
import type { ScenarioChangeFields } from "@/lib/validation/schemas/scenarios";
import { lockOwnScenario, requireScenarioBasis, scenarioAuditSubject } from "./own-scenario";

function refuse(field: string, message: string): never {
  throw new OperationError("errors.validation", { [field]: [message] });
}

/**
 * The enterprise adds a what-if change to one line of its scenario (a line keeps one change of
 * each kind: a second replaces the first). Refused where the scenario would no longer calculate
 * — a factor in a unit the line's quantity cannot be converted to, any other line error — so
 * every kept scenario has a footprint. A required stage left empty is no such refusal: the engine
 * calculates without it (only a submission needs every stage), so the line's error is the reason
 * given. Neither the inventory nor its calculation changes.
 */
export async function saveScenarioChange(tx: Tx, actor: Actor | null, input: ScenarioChangeFields) {
  assertUserCan(actor, "scenario.manage");
  const { application, scenario } = await lockOwnScenario(tx, actor, input.scenarioId);
  const basis = await requireScenarioBasis(tx, application);
  const line = basis.inventory.lines.find((candidate) => candidate.id === input.lineId);
  if (!line) refuse("lineId", "scenarios.validation.pickLine");

  if (input.kind === "supplier_footprint" && line.source === "direct_gas") refuse("kind", "scenarios.validation.directGas");
  let factor: ScenarioChangeInput["factor"] = null;
  if (input.kind === "replace_factor") {
    if (line.source === "direct_gas") refuse("kind", "scenarios.validation.directGas");
    const [row] = await tx
      .select({
        id: emissionFactors.id,
        factorKey: emissionFactors.factorKey,
        version: emissionFactors.version,
        value: emissionFactors.value,
        unit: emissionFactors.unit,
        source: emissionFactors.source,
        emissionCategory: emissionFactors.emissionCategory,
      })
      .from(emissionFactors)
      .where(eq(emissionFactors.id, input.factorId));
    if (!row) refuse("factorId", "scenarios.validation.pickFactor");
    factor = row;
  }
  const values = {
    factorId: input.kind === "replace_factor" ? input.factorId : null,
    percent: input.kind === "scale_quantity" ? input.percent : null,
    allocationShare: input.kind === "set_allocation" ? input.allocationShare : null,
    supplierFactorValue: input.kind === "supplier_footprint" ? input.supplierFactorValue : null,
    supplierFactorUnit: input.kind === "supplier_footprint" ? input.supplierFactorUnit : null,
    supplierName: input.kind === "supplier_footprint" ? input.supplierName || null : null,
  };

  const existing = (await loadScenarioChanges(tx, [scenario.id])).get(scenario.id) ?? [];
  const others = existing.filter((change) => !(change.lineId === line.id && change.kind === input.kind));
  const proposed: ScenarioChangeInput = {
    id: "proposed",
    lineId: line.id,
    kind: input.kind,
    factor,
    percent: values.percent,
    allocationShare: values.allocationShare,
    supplierFactor:
      values.supplierFactorValue !== null && values.supplierFactorUnit !== null
        ? { value: values.supplierFactorValue, unit: values.supplierFactorUnit, supplierName: values.supplierName }
        : null,
  };
  const outcome = calculateScenario(basis.inventory, basis.base, [...others, proposed], basis.benchmark);
  if (!outcome.ok) {
    const error = outcome.failure.lineErrors[0];
    refuse(input.kind === "replace_factor" ? "factorId" : input.kind === "supplier_footprint" ? "supplierFactorUnit" : "kind", error?.reason === "unit_mismatch" ? "scenarios.validation.unitMismatch" : "scenarios.validation.notCalculable");
  }

  const [change] = await tx
    .insert(scenarioChanges)
    .values({ scenarioId: scenario.id, lineId: line.id, kind: input.kind, ...values })
    .onConflictDoUpdate({ target: [scenarioChanges.scenarioId, scenarioChanges.lineId, scenarioChanges.kind], set: values })
    .returning({ id: scenarioChanges.id });
  await tx.update(reductionScenarios).set({ updatedAt: new Date() }).where(eq(reductionScenarios.id, scenario.id));
  await recordAuditEvent(tx, actor, {
    action: "scenario.saveChange",
    entityType: "reduction_scenario",
    entityId: scenario.id,
    ...scenarioAuditSubject(application),
    data: { changeId: change.id, lineId: line.id, kind: input.kind, ...values, result: outcome.result },
  });
  return { changeId: change.id, applicationId: application.id, result: outcome.result };
}
