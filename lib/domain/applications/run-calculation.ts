import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { applications, calculations, type Calculation } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { CalculationBreakdown, CalculationFailure, CalculationSuccess } from "@/lib/calc/calculate";
import { loadInventory } from "@/lib/dal/inventory-snapshot";
import { calculateInventory, type LoadedInventory } from "@/lib/rules/inventory-snapshot";

type RunCalculationOutcome =
  | { ok: true; calculation: Calculation; inventory: LoadedInventory; result: CalculationSuccess }
  | { ok: false; failure: CalculationFailure; inventory: LoadedInventory };

/**
 * Calculates the application's current inventory and, when it succeeds,
 * stores the calculation (tagged with the inventory revision it used) as the
 * application's latest. A refused calculation stores nothing: no total
 * without every line.
 */
export async function runCalculation(tx: Tx, actor: AuditActor, applicationId: string): Promise<RunCalculationOutcome> {
  const inventory = await loadInventory(tx, applicationId);
  if (!inventory) throw new NotFoundError();
  const result = calculateInventory(inventory);
  if (!result.ok) return { ok: false, failure: result, inventory };

  const { ok: _ok, result: value, primaryShare, dataQuality, gwpSet, ...breakdown } = result;
  void _ok;
  const [calculation] = await tx
    .insert(calculations)
    .values({
      applicationId,
      inventoryRevision: inventory.application.inventoryRevision,
      result: value,
      fossil: result.byCategory.fossil,
      biogenic: result.byCategory.biogenic,
      landUseChange: result.byCategory.land_use_change,
      primaryShare,
      dataQuality,
      gwpSet,
      breakdown: breakdown satisfies CalculationBreakdown,
      createdBy: actor?.id ?? null,
    })
    .returning();
  await tx
    .update(applications)
    .set({ latestCalculationId: calculation.id, resultValue: value, updatedAt: new Date() })
    .where(eq(applications.id, applicationId));
  return { ok: true, calculation, inventory, result };
}
