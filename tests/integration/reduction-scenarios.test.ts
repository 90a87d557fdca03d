/**
 * Reduction scenarios (issue 16, part 4) on PostgreSQL: each operation through its real door, the
 * figures against the real calculation and the benchmark in force, the inventory never touched,
 * every refusal with its reason and nothing changed, and a scenario turned into a new draft.
 *
 * The inventory: plant electricity 250 MWh × 0.4 at the 2024 national grid factor (0.5777) =
 * 57 770 kg and 2 kg of HFC-134a (GWP 1530) = 3 060 kg, over 10 000 pieces: 6.083 kg per piece,
 * level 2 against a benchmark of 8 (ratio 0.76).
 */
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, emissionFactors, inventoryLines, products, reductionScenarios, scenarioChanges, type Application } from "@/db/schema";
import { createScenarioAction } from "@/lib/actions/scenarios/create-scenario";
import { saveScenarioChangeAction } from "@/lib/actions/scenarios/save-scenario-change";
import { getScenariosPage } from "@/lib/dal/scenarios";
import { calculateApplication } from "@/lib/domain/applications/calculate-application";
import { executeOperation, type Operation } from "@/lib/domain/operation";
import { createScenario } from "@/lib/domain/scenarios/create-scenario";
import { deleteScenario } from "@/lib/domain/scenarios/delete-scenario";
import { draftFromScenario } from "@/lib/domain/scenarios/draft-from-scenario";
import { removeScenarioChange } from "@/lib/domain/scenarios/remove-scenario-change";
import { saveScenarioChange } from "@/lib/domain/scenarios/save-scenario-change";
import { scenarioChangeSchema } from "@/lib/validation/schemas/scenarios";
import type { Actor } from "@/lib/policy";
import { actorFor, createCategory } from "../support/certificate-fixtures";
import { addRefrigerantLine } from "../support/enterprise-cast";
import { actAs, createApplication, createOrganization, createUser } from "../support/factories";

type TestUser = Awaited<ReturnType<typeof createUser>>;

let owner: TestUser;
let ownerActor: Actor;
let application: Application;
let electricityLineId: string;
let refrigerantLineId: string;
let pvFactorId: string;

async function run<Input, Output>(operation: Operation<Input, Output>, input: Input, actor: Actor | null = ownerActor) {
  return executeOperation(operation, actor, input);
}

async function ok<Input, Output>(operation: Operation<Input, Output>, input: Input, actor: Actor | null = ownerActor): Promise<Output> {
  const outcome = await run(operation, input, actor);
  if (!outcome.ok) throw new Error(`${outcome.error.message} ${JSON.stringify(outcome.error.fieldErrors ?? {})}`);
  return outcome.data;
}

function change(scenarioId: string, values: Record<string, string>) {
  return scenarioChangeSchema.parse({ scenarioId, ...values });
}

/** Everything a scenario write could touch besides the scenario tables, and those. */
async function state(applicationId: string) {
  return {
    application: await db
      .select({ status: applications.status, revision: applications.inventoryRevision, latest: applications.latestCalculationId, result: applications.resultValue })
      .from(applications)
      .where(eq(applications.id, applicationId)),
    lines: await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, applicationId)).orderBy(inventoryLines.id),
    scenarios: await db.select().from(reductionScenarios).where(eq(reductionScenarios.applicationId, applicationId)).orderBy(reductionScenarios.id),
    changes: await db
      .select({ id: scenarioChanges.id, kind: scenarioChanges.kind, percent: scenarioChanges.percent })
      .from(scenarioChanges)
      .innerJoin(reductionScenarios, eq(reductionScenarios.id, scenarioChanges.scenarioId))
      .where(eq(reductionScenarios.applicationId, applicationId))
      .orderBy(scenarioChanges.id),
    products: await db.select({ id: applications.id }).from(applications).where(eq(applications.productId, application.productId)),
  };
}

beforeEach(async () => {
  const enterprise = await createOrganization("enterprise");
  owner = await createUser("enterprise", enterprise.id);
  ownerActor = await actorFor(owner);
  const categoryId = await createCategory({ value: "8" });
  const draft = await createApplication(enterprise.id);
  await db.update(products).set({ categoryId }).where(eq(products.id, draft.productId));
  await db.update(applications).set({ categoryId }).where(eq(applications.id, draft.id));
  refrigerantLineId = (await addRefrigerantLine(draft.id)).id;
  const [electricity] = await db.select({ id: inventoryLines.id }).from(inventoryLines).where(and(eq(inventoryLines.applicationId, draft.id), eq(inventoryLines.stage, "production")));
  electricityLineId = electricity.id;
  await ok(calculateApplication, { applicationId: draft.id });
  [application] = await db.select().from(applications).where(eq(applications.id, draft.id));
  const [pv] = await db.select({ id: emissionFactors.id }).from(emissionFactors).where(eq(emissionFactors.factorKey, "cn.electricity.pv.2024"));
  pvFactorId = pv.id;
});

describe("building scenarios", () => {
  it("replaces grid electricity by PV: the new footprint, the change per stage and line and the better grade, the inventory untouched", async () => {
    const before = await state(application.id);
    actAs(owner);
    const created = await createScenarioAction({ applicationId: application.id, name: "Rooftop PV" });
    if (!created.ok) throw new Error(created.message);
    const saved = await saveScenarioChangeAction({ scenarioId: created.data.scenarioId, lineId: electricityLineId, kind: "replace_factor", factorId: pvFactorId });
    // 250 MWh × 0.4 × 0.052 = 5 200 kg: 0.52 + 0.306 per piece.
    expect(saved).toMatchObject({ ok: true, data: { result: "0.826" } });

    const page = await getScenariosPage(ownerActor as never, application.id);
    expect(page?.basis).toMatchObject({ result: "6.083", grade: { grade: 2 } });
    const [scenario] = page!.scenarios;
    expect(scenario).toMatchObject({ name: "Rooftop PV", outcome: { ok: true, result: "0.826", change: "-5.257", grade: { grade: 1 } } });
    if (!scenario.outcome.ok) throw new Error("did not calculate");
    expect(scenario.outcome.byStage).toEqual([
      { stage: "raw_material", base: "0.306", scenario: "0.306", change: "0" },
      { stage: "production", base: "5.777", scenario: "0.52", change: "-5.257" },
      { stage: "distribution", base: "0", scenario: "0", change: "0" },
    ]);
    expect(scenario.outcome.byLine.filter((line) => line.change !== "0")).toEqual([
      { lineId: electricityLineId, stage: "production", base: "5.777", scenario: "0.52", change: "-5.257", removed: false },
    ]);

    const after = await state(application.id);
    expect(after.application).toEqual(before.application);
    expect(after.lines).toEqual(before.lines);
    const actions = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, created.data.scenarioId)).orderBy(auditEvents.id);
    expect(actions.map((row) => row.action).sort()).toEqual(["scenario.create", "scenario.saveChange"]);
  });

  it("keeps several scenarios side by side: quantity percentages and an allocation share; a second change of a kind replaces the first; a change and a scenario are removed", async () => {
    const less = await ok(createScenario, { applicationId: application.id, name: "Less power" });
    await ok(saveScenarioChange, change(less.scenarioId, { lineId: electricityLineId, kind: "scale_quantity", percent: "-10" }));
    await ok(saveScenarioChange, change(less.scenarioId, { lineId: electricityLineId, kind: "scale_quantity", percent: "-20" }));
    const shared = await ok(createScenario, { applicationId: application.id, name: "Half the plant" });
    await ok(saveScenarioChange, change(shared.scenarioId, { lineId: electricityLineId, kind: "set_allocation", allocationShare: "0.2" }));
    const more = await ok(createScenario, { applicationId: application.id, name: "More output" });
    const electricity = await ok(saveScenarioChange, change(more.scenarioId, { lineId: electricityLineId, kind: "scale_quantity", percent: "5" }));
    const page = await getScenariosPage(ownerActor as never, application.id);
    expect(page!.scenarios.map((scenario) => [scenario.name, scenario.changes.length, scenario.outcome.ok && scenario.outcome.result])).toEqual([
      ["Less power", 1, "4.9276"],
      ["Half the plant", 1, "3.1945"],
      ["More output", 1, "6.37185"],
    ]);

    await ok(removeScenarioChange, { changeId: electricity.changeId });
    await ok(deleteScenario, { scenarioId: shared.scenarioId });
    const later = await getScenariosPage(ownerActor as never, application.id);
    expect(later!.scenarios.map((scenario) => [scenario.name, scenario.outcome.ok && scenario.outcome.result])).toEqual([
      ["Less power", "4.9276"],
      ["More output", "6.083"],
    ]);
  });

  it("puts a line on a supplier's certified footprint, and refuses one per a unit the line cannot be converted to", async () => {
    const { scenarioId } = await ok(createScenario, { applicationId: application.id, name: "Green PPA" });
    const saved = await ok(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "supplier_footprint", supplierFactorValue: "0.02", supplierFactorUnit: "kWh", supplierName: "Wind farm PPA" }));
    // 250 MWh × 0.4 × 0.02 = 2 000 kg: 0.2 + 0.306.
    expect(saved.result).toBe("0.506");
    const refused = await run(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "supplier_footprint", supplierFactorValue: "0.02", supplierFactorUnit: "kg" }));
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { supplierFactorUnit: ["scenarios.validation.unitMismatch"] } } });
    const [stored] = await db.select().from(scenarioChanges).where(eq(scenarioChanges.scenarioId, scenarioId));
    expect(stored).toMatchObject({ kind: "supplier_footprint", supplierFactorValue: "0.02", supplierFactorUnit: "kWh", supplierName: "Wind farm PPA" });
  });

  it("keeps a scenario that leaves a required stage empty, and names a line's error, not the stage, when one does not calculate", async () => {
    const { scenarioId } = await ok(createScenario, { applicationId: application.id, name: "No refrigerant" });
    // The refrigerant is the only raw-material line: the engine calculates without it (only a submission needs every stage).
    const removed = await ok(saveScenarioChange, change(scenarioId, { lineId: refrigerantLineId, kind: "remove_line" }));
    expect(removed.result).toBe("5.777");
    const [perKg] = await db.insert(emissionFactors).values({ factorKey: `test.kg.${scenarioId}`, nameZh: "按千克", nameEn: "Per kg", category: "material", value: "2", unit: "kg", region: "CN", year: 2025, source: "test" }).returning();
    const refused = await run(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "replace_factor", factorId: perKg.id }));
    expect(refused).toMatchObject({ ok: false, error: { message: "errors.validation", fieldErrors: { factorId: ["scenarios.validation.unitMismatch"] } } });
    expect(await db.select({ kind: scenarioChanges.kind }).from(scenarioChanges).where(eq(scenarioChanges.scenarioId, scenarioId))).toEqual([{ kind: "remove_line" }]);
  });

  it("removes a line in a scenario", async () => {
    const category = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
    expect(category).toHaveLength(2);
    const [distribution] = await db
      .insert(inventoryLines)
      .values({ applicationId: application.id, stage: "distribution", description: "Truck", quantity: "1000", unit: "t·km", source: "supplier_factor", supplierFactorValue: "0.1", supplierFactorUnit: "t·km" })
      .returning();
    await db.update(applications).set({ inventoryRevision: application.inventoryRevision + 1 }).where(eq(applications.id, application.id));
    await ok(calculateApplication, { applicationId: application.id });
    const scenario = await ok(createScenario, { applicationId: application.id, name: "Local supply" });
    const saved = await ok(saveScenarioChange, change(scenario.scenarioId, { lineId: distribution.id, kind: "remove_line" }));
    expect(saved.result).toBe("6.083");
  });
});

describe("refusals, each leaving everything as it was", () => {
  async function expectRefused(attempt: () => Promise<{ ok: boolean; error?: { message: string; fieldErrors?: Record<string, string[]> } }>, expected: { message: string; field?: [string, string] }) {
    const before = await state(application.id);
    const outcome = await attempt();
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.message).toEqual(expected.message);
    if (expected.field) expect(outcome.error?.fieldErrors?.[expected.field[0]]).toEqual([expected.field[1]]);
    expect(await state(application.id)).toEqual(before);
  }

  it("refuses changes the scenario could not calculate with, with the reason at the field", async () => {
    const { scenarioId } = await ok(createScenario, { applicationId: application.id, name: "Wrong" });
    const [perKg] = await db.insert(emissionFactors).values({ factorKey: `test.kg.${scenarioId}`, nameZh: "按千克", nameEn: "Per kg", category: "material", value: "2", unit: "kg", region: "CN", year: 2025, source: "test" }).returning();
    await expectRefused(() => run(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "replace_factor", factorId: perKg.id })), {
      message: "errors.validation",
      field: ["factorId", "scenarios.validation.unitMismatch"],
    });
    await expectRefused(() => run(saveScenarioChange, change(scenarioId, { lineId: refrigerantLineId, kind: "replace_factor", factorId: pvFactorId })), {
      message: "errors.validation",
      field: ["kind", "scenarios.validation.directGas"],
    });
    await expectRefused(() => run(saveScenarioChange, change(scenarioId, { lineId: crypto.randomUUID(), kind: "remove_line" })), {
      message: "errors.validation",
      field: ["lineId", "scenarios.validation.pickLine"],
    });
    await expectRefused(() => run(createScenario, { applicationId: application.id, name: "Wrong" }), { message: "errors.validation", field: ["name", "scenarios.validation.nameTaken"] });
  });

  it("refuses bad input at the edge: a zero or out-of-range percentage, a share above 1, no factor", () => {
    const scenarioId = crypto.randomUUID();
    const issues = (values: Record<string, string>) => scenarioChangeSchema.safeParse({ scenarioId, lineId: electricityLineId, ...values }).error?.issues.map((issue) => issue.message);
    expect(issues({ kind: "scale_quantity", percent: "0" })).toEqual(["scenarios.validation.percent"]);
    expect(issues({ kind: "scale_quantity", percent: "-101" })).toEqual(["scenarios.validation.percent"]);
    expect(issues({ kind: "set_allocation", allocationShare: "1.5" })).toEqual(["scenarios.validation.allocationShare"]);
    expect(issues({ kind: "replace_factor" })).toEqual(["scenarios.validation.pickFactor"]);
  });

  it("refuses scenarios on an inventory changed since its calculation", async () => {
    const { scenarioId } = await ok(createScenario, { applicationId: application.id, name: "Before the edit" });
    await db.update(applications).set({ inventoryRevision: application.inventoryRevision + 1 }).where(eq(applications.id, application.id));
    await expectRefused(() => run(createScenario, { applicationId: application.id, name: "Stale" }), { message: "scenarios.errors.notCalculated" });
    await expectRefused(() => run(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "scale_quantity", percent: "-10" })), { message: "scenarios.errors.notCalculated" });
    expect((await getScenariosPage(ownerActor as never, application.id))?.basis).toBeNull();
  });

  it("answers another enterprise 'not found' and every other role, and nobody, with a refusal, for every operation", async () => {
    const { scenarioId } = await ok(createScenario, { applicationId: application.id, name: "Mine" });
    const { changeId } = await ok(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "scale_quantity", percent: "-10" }));
    const stranger = await actorFor(await createUser("enterprise", (await createOrganization("enterprise")).id));
    const body = await actorFor(await createUser("reviewer", (await createOrganization("verification_body")).id));
    const regulator = await actorFor(await createUser("regulator", (await createOrganization("regulator", { district: null })).id));
    const attempts = (actor: Actor | null) => [
      () => run(createScenario, { applicationId: application.id, name: "Theirs" }, actor),
      () => run(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "remove_line" }), actor),
      () => run(removeScenarioChange, { changeId }, actor),
      () => run(deleteScenario, { scenarioId }, actor),
      () => run(draftFromScenario, { scenarioId }, actor),
    ];
    for (const attempt of attempts(stranger)) await expectRefused(attempt, { message: expect.stringMatching(/notFound/) as unknown as string });
    for (const attempt of attempts(body)) await expectRefused(attempt, { message: "errors.forbidden" });
    for (const attempt of attempts(regulator)) await expectRefused(attempt, { message: "errors.forbidden" });
    for (const attempt of attempts(null)) await expectRefused(attempt, { message: "errors.unauthenticated" });
    expect(await getScenariosPage(stranger as never, application.id)).toBeNull();
  });
});

describe("from scenario to a new draft", () => {
  it("is refused while the product's application is open, and once it is decided opens a draft with the changed inventory", async () => {
    const { scenarioId } = await ok(createScenario, { applicationId: application.id, name: "Green power" });
    await ok(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "replace_factor", factorId: pvFactorId }));
    await ok(saveScenarioChange, change(scenarioId, { lineId: electricityLineId, kind: "scale_quantity", percent: "-20" }));
    const before = await state(application.id);
    const refused = await run(draftFromScenario, { scenarioId });
    expect(refused).toMatchObject({ ok: false, error: { message: "scenarios.errors.productHasOpenApplication" } });
    expect(await state(application.id)).toEqual(before);

    // The application is decided (certified); the change is now made for real.
    await db.update(applications).set({ status: "certified" }).where(eq(applications.id, application.id));
    const { applicationId } = await ok(draftFromScenario, { scenarioId });
    const [draft] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(draft).toMatchObject({ status: "draft", productId: application.productId, organizationId: application.organizationId, latestCalculationId: null });
    const lines = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, applicationId));
    expect(lines.find((line) => line.stage === "production")).toMatchObject({ quantity: "200", factorId: pvFactorId, source: "database_factor", verification: "unverified" });
    expect(lines).toHaveLength(2);
    // The source application keeps its inventory; the scenario names the draft it became.
    expect((await state(application.id)).lines).toEqual(before.lines);
    const [scenario] = await db.select().from(reductionScenarios).where(eq(reductionScenarios.id, scenarioId));
    expect(scenario.convertedApplicationId).toBe(applicationId);
    // The new draft calculates to what the scenario showed: 200 MWh × 0.4 × 0.052 = 4 160 kg → 0.416 + 0.306.
    expect(await ok(calculateApplication, { applicationId })).toMatchObject({ result: "0.722" });
    const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.applicationId, applicationId)).orderBy(auditEvents.id);
    expect(audit.map((row) => row.action)).toContain("application.create");
    expect((await run(draftFromScenario, { scenarioId })).ok).toBe(false);
  });
});
