import "server-only";
import type { Tx } from "@/db";
import { OperationError } from "@/lib/errors";
import type { CalculationFailure } from "@/lib/calc/calculate";
import { messageKey } from "@/lib/i18n/translate";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertUserCan, type Actor } from "@/lib/policy";
import { lockEditableInventory } from "./own-application";
import { runCalculation } from "./run-calculation";

type CalculateInput = { applicationId: string };

/** The refusal names its cause: the lines that cannot be calculated (by description), or the production volume. */
function refusal(failure: CalculationFailure, lines: ReadonlyArray<{ id: string; description: string }>): OperationError {
  if (failure.lineErrors.length === 0) return new OperationError("applications.errors.productionVolumeInvalid");
  const descriptions = new Map(lines.map((line) => [line.id, line.description]));
  const named = [...new Set(failure.lineErrors.map((error) => descriptions.get(error.lineId) ?? error.lineId))];
  return new OperationError(messageKey("applications.errors.calculationRefused", { count: named.length, lines: named.join("; ") }));
}

/**
 * The enterprise calculates the footprint of its current inventory, stored
 * as the application's latest result; a refused calculation stores nothing.
 */
export async function calculateApplication(tx: Tx, actor: Actor | null, { applicationId }: CalculateInput) {
  assertUserCan(actor, "application.calculate");
  const application = await lockEditableInventory(tx, actor, applicationId, "application.calculate");
  const outcome = await runCalculation(tx, actor, application.id);
  if (!outcome.ok) throw refusal(outcome.failure, outcome.inventory.lines);
  await recordAuditEvent(tx, actor, {
    action: "application.calculate",
    entityType: "calculation",
    entityId: outcome.calculation.id,
    subjectOrganizationId: application.organizationId,
    region: application.region,
    productId: application.productId,
    applicationId: application.id,
    data: { inventoryRevision: outcome.calculation.inventoryRevision, result: outcome.result.result },
  });
  return { calculationId: outcome.calculation.id, result: outcome.result.result };
}
