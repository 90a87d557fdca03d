import "server-only";
import type { Tx } from "@/db";
import type { Application, InventoryLine, NewInventoryLine } from "@/db/schema";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";

type LineColumns = Omit<NewInventoryLine, "applicationId">;

/** What the enterprise entered on a line: the columns a change can touch, nothing the system keeps. */
export function enteredColumns(line: InventoryLine): LineColumns {
  return {
    stage: line.stage,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    source: line.source,
    factorId: line.factorId,
    supplierFactorValue: line.supplierFactorValue,
    supplierFactorUnit: line.supplierFactorUnit,
    supplierName: line.supplierName,
    gas: line.gas,
    dataType: line.dataType,
    dqrTechnological: line.dqrTechnological,
    dqrGeographical: line.dqrGeographical,
    dqrTemporal: line.dqrTemporal,
    allocationShare: line.allocationShare,
    emissionCategory: line.emissionCategory,
  };
}

/** The columns whose value an edit changed, before and after. */
export function changedColumns(before: LineColumns, after: LineColumns) {
  const changed: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const key of Object.keys(after) as (keyof LineColumns)[]) {
    const previous = before[key] ?? null;
    const next = after[key] ?? null;
    if (previous === next) continue;
    changed.before[key] = previous;
    changed.after[key] = next;
  }
  return changed;
}

/** Audits a manual change to one inventory line of an application. */
export async function auditLineChange(
  tx: Tx,
  actor: AuditActor,
  application: Pick<Application, "id" | "organizationId" | "region" | "productId">,
  event: { action: "inventory.addLine" | "inventory.updateLine" | "inventory.deleteLine"; lineId: string; data: unknown },
) {
  await recordAuditEvent(tx, actor, {
    action: event.action,
    entityType: "inventory_line",
    entityId: event.lineId,
    subjectOrganizationId: application.organizationId,
    region: application.region,
    productId: application.productId,
    applicationId: application.id,
    data: event.data,
  });
}
