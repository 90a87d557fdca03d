import "server-only";
import { and, asc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { applications, calculations, emissionFactors, reductionScenarios, scenarioChanges, type Application } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CalculationSuccess } from "@/lib/calc/calculate";
import { unitDimension } from "@/lib/calc/units";
import { benchmarkInForce } from "@/lib/dal/benchmarks";
import { loadInventory } from "@/lib/dal/inventory-snapshot";
import { assertCan, CLOSED_STATUSES, decideOnApplication } from "@/lib/policy";
import { calculateInventory, type LoadedInventory } from "@/lib/rules/inventory-snapshot";
import { calculateScenario, scenarioGrade, type ScenarioBenchmark, type ScenarioChangeInput, type ScenarioOutcome } from "@/lib/rules/scenario";
import { z } from "@/lib/validation/zod";

const uuid = z.uuid();

/** What every scenario of an application is calculated against: its current inventory, calculated, and the benchmark in force. */
export type ScenarioBasis = { inventory: LoadedInventory; base: CalculationSuccess; benchmark: ScenarioBenchmark | null };

/**
 * The basis of an application's scenarios, or null when its latest calculation is not of the
 * inventory as it is now (a scenario compares with a calculated footprint, never a stale one).
 */
export async function loadScenarioBasis(executor: DbOrTx, application: Application): Promise<ScenarioBasis | null> {
  if (!application.latestCalculationId) return null;
  const [calculation] = await executor
    .select({ inventoryRevision: calculations.inventoryRevision })
    .from(calculations)
    .where(eq(calculations.id, application.latestCalculationId));
  if (!calculation || calculation.inventoryRevision !== application.inventoryRevision) return null;
  const inventory = await loadInventory(executor, application.id);
  if (!inventory) return null;
  const base = calculateInventory(inventory);
  if (!base.ok) return null;
  const benchmark = await benchmarkInForce(executor, application.region, application.categoryId);
  return { inventory, base, benchmark: benchmark && { value: benchmark.value, thresholds: benchmark.thresholds, declaredUnit: benchmark.declaredUnit } };
}

export type StoredScenarioChange = ScenarioChangeInput & { factorName: { zh: string; en: string } | null };

/** The changes of the given scenarios (oldest first), each with its replacement factor loaded. */
export async function loadScenarioChanges(executor: DbOrTx, scenarioIds: readonly string[]): Promise<Map<string, StoredScenarioChange[]>> {
  const byScenario = new Map<string, StoredScenarioChange[]>(scenarioIds.map((id) => [id, []]));
  if (scenarioIds.length === 0) return byScenario;
  const rows = await executor
    .select({
      change: scenarioChanges,
      factor: {
        id: emissionFactors.id,
        factorKey: emissionFactors.factorKey,
        version: emissionFactors.version,
        value: emissionFactors.value,
        unit: emissionFactors.unit,
        source: emissionFactors.source,
        emissionCategory: emissionFactors.emissionCategory,
        nameZh: emissionFactors.nameZh,
        nameEn: emissionFactors.nameEn,
      },
    })
    .from(scenarioChanges)
    .leftJoin(emissionFactors, eq(emissionFactors.id, scenarioChanges.factorId))
    .where(inArray(scenarioChanges.scenarioId, [...scenarioIds]))
    .orderBy(asc(scenarioChanges.createdAt), asc(scenarioChanges.id));
  for (const { change, factor } of rows) {
    const { nameZh, nameEn, ...values } = factor ?? { nameZh: "", nameEn: "" };
    byScenario.get(change.scenarioId)?.push({
      id: change.id,
      lineId: change.lineId,
      kind: change.kind,
      factor: factor ? (values as ScenarioChangeInput["factor"]) : null,
      percent: change.percent,
      allocationShare: change.allocationShare,
      supplierFactor:
        change.supplierFactorValue !== null && change.supplierFactorUnit !== null
          ? { value: change.supplierFactorValue, unit: change.supplierFactorUnit, supplierName: change.supplierName }
          : null,
      factorName: factor ? { zh: nameZh, en: nameEn } : null,
    });
  }
  return byScenario;
}

/** Whether the product has an application not yet decided: it may then not get another. */
export async function productHasOpenApplication(executor: DbOrTx, productId: string): Promise<boolean> {
  const [open] = await executor
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.productId, productId), notInArray(applications.status, [...CLOSED_STATUSES])))
    .limit(1);
  return !!open;
}

export type ScenarioView = {
  id: string;
  name: string;
  createdAt: Date;
  convertedApplicationId: string | null;
  changes: StoredScenarioChange[];
  outcome: ScenarioOutcome;
};

type ScenarioFactorOption = { id: string; nameZh: string; nameEn: string; value: string; unit: string; dimension: string | null };

/**
 * The enterprise's scenarios page of one of its applications: the base footprint and grade, each
 * scenario calculated against them, the lines a change can name and the current database factors
 * a line could switch to. Null when the application is not the user's; `basis` null when the
 * current inventory has no calculation yet.
 */
export async function getScenariosPage(user: CurrentUser, applicationId: string) {
  assertCan(user, "scenario.manage");
  if (!uuid.safeParse(applicationId).success) return null;
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!application || !decideOnApplication(user, "scenario.manage", application).allowed) return null;
  const basis = await loadScenarioBasis(db, application);
  const scenarios = await db
    .select()
    .from(reductionScenarios)
    .where(eq(reductionScenarios.applicationId, application.id))
    .orderBy(asc(reductionScenarios.createdAt), asc(reductionScenarios.id));
  const changes = await loadScenarioChanges(
    db,
    scenarios.map((scenario) => scenario.id),
  );
  const factors = basis
    ? await db
        .select({ id: emissionFactors.id, nameZh: emissionFactors.nameZh, nameEn: emissionFactors.nameEn, value: emissionFactors.value, unit: emissionFactors.unit })
        .from(emissionFactors)
        .where(isNull(emissionFactors.supersededAt))
        .orderBy(asc(emissionFactors.category), asc(emissionFactors.factorKey))
    : [];
  return {
    application,
    product: basis?.inventory.product ?? null,
    basis: basis && {
      result: basis.base.result,
      byStage: basis.base.byStage,
      lines: basis.inventory.lines.map((line) => ({
        id: line.id,
        stage: line.stage,
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        dimension: unitDimension(line.unit),
        source: line.source,
        allocationShare: line.allocationShare,
        emissions: basis.base.lines.find((result) => result.lineId === line.id)?.emissions ?? "0",
      })),
      grade: scenarioGrade(basis.base.result, basis.inventory.product, basis.benchmark),
      benchmark: basis.benchmark,
    },
    scenarios: basis
      ? scenarios.map(
          (scenario): ScenarioView => ({
            id: scenario.id,
            name: scenario.name,
            createdAt: scenario.createdAt,
            convertedApplicationId: scenario.convertedApplicationId,
            changes: changes.get(scenario.id) ?? [],
            outcome: calculateScenario(basis.inventory, basis.base, changes.get(scenario.id) ?? [], basis.benchmark),
          }),
        )
      : [],
    scenarioCount: scenarios.length,
    factors: factors.map((factor): ScenarioFactorOption => ({ ...factor, dimension: unitDimension(factor.unit) })),
    /** A scenario becomes a new draft only while the product has no open application (one at a time). */
    mayCreateDraft: !(await productHasOpenApplication(db, application.productId)),
  };
}

export type ScenariosPage = NonNullable<Awaited<ReturnType<typeof getScenariosPage>>>;
