import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, calculations, inventoryLines, products } from "@/db/schema";
import { calculateApplicationAction } from "@/lib/actions/applications/calculate";
import { addInventoryLineAction } from "@/lib/actions/inventory/add-line";
import { deleteInventoryLineAction } from "@/lib/actions/inventory/delete-line";
import { updateInventoryLineAction } from "@/lib/actions/inventory/update-line";
import { runCalculation } from "@/lib/domain/applications/run-calculation";
import { addRefrigerantLine, createCast, expectRefusedForOthers, factorId, lineInput } from "../support/enterprise-cast";
import { actAs, createApplication } from "../support/factories";

let cast: Awaited<ReturnType<typeof createCast>>;
beforeAll(async () => {
  cast = await createCast();
});

async function revisionOf(applicationId: string) {
  const [row] = await db.select({ revision: applications.inventoryRevision }).from(applications).where(eq(applications.id, applicationId));
  return row.revision;
}

async function linesOf(applicationId: string) {
  return db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, applicationId));
}

async function auditEventsOf(applicationId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.applicationId, applicationId)).orderBy(auditEvents.id);
}

describe("inventory lines", () => {
  it("adds, edits and deletes lines for the owner, each change bumping the inventory revision", async () => {
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    const added = await addInventoryLineAction(lineInput(application.id));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(await revisionOf(application.id)).toBe(application.inventoryRevision + 1);

    const steel = await factorId("cpcd.material.carbon_steel");
    const updated = await updateInventoryLineAction({
      ...lineInput(application.id, { source: "database_factor", factorId: steel, quantity: "1.5", unit: "t", description: "Steel chassis" }),
      lineId: added.data.lineId,
    });
    expect(updated.ok).toBe(true);
    const [line] = await db.select().from(inventoryLines).where(eq(inventoryLines.id, added.data.lineId));
    // Switching source clears the gas: a line has exactly one source.
    expect(line).toMatchObject({ source: "database_factor", factorId: steel, gas: null, quantity: "1.5", unit: "t", description: "Steel chassis" });
    expect(await revisionOf(application.id)).toBe(application.inventoryRevision + 2);

    expect((await deleteInventoryLineAction({ applicationId: application.id, lineId: added.data.lineId })).ok).toBe(true);
    expect(await revisionOf(application.id)).toBe(application.inventoryRevision + 3);
    expect(await linesOf(application.id)).toHaveLength(1);
  });

  it("audits each manual add, edit and delete of a line with what it held or what changed", async () => {
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    const added = await addInventoryLineAction(lineInput(application.id));
    if (!added.ok) throw new Error(added.message);
    const { lineId } = added.data;
    expect((await updateInventoryLineAction({ ...lineInput(application.id, { quantity: "3.5" }), lineId })).ok).toBe(true);
    expect((await deleteInventoryLineAction({ applicationId: application.id, lineId })).ok).toBe(true);

    const events = await auditEventsOf(application.id);
    expect(events.map((event) => [event.action, event.entityType, event.entityId, event.actorUserId])).toEqual([
      ["inventory.addLine", "inventory_line", lineId, cast.owner.id],
      ["inventory.updateLine", "inventory_line", lineId, cast.owner.id],
      ["inventory.deleteLine", "inventory_line", lineId, cast.owner.id],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ subjectOrganizationId: cast.enterprise.id, region: cast.enterprise.region, productId: application.productId });
    }
    expect(events[0].data).toMatchObject({ stage: "raw_material", description: "Refrigerant", quantity: "2", unit: "kg", source: "direct_gas", gas: "HFC-134a", position: 0 });
    expect(events[1].data).toEqual({ before: { quantity: "2" }, after: { quantity: "3.5" }, verificationBefore: "unverified" });
    expect(events[2].data).toMatchObject({ description: "Refrigerant", quantity: "3.5", gas: "HFC-134a" });
  });

  it("refuses, at the unit field, a quantity whose unit does not convert into the factor's, saving nothing", async () => {
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    const electricity = await factorId("cn.electricity.national.2024");
    expect(
      await addInventoryLineAction(lineInput(application.id, { source: "database_factor", factorId: electricity, quantity: "100", unit: "kg" })),
    ).toMatchObject({ ok: false, fieldErrors: { unit: ["inventory.validation.unitNotConvertible?unit=kg&factorUnit=kWh"] } });
    expect(await addInventoryLineAction(lineInput(application.id, { unit: "kWh" }))).toMatchObject({
      ok: false,
      fieldErrors: { unit: ["inventory.validation.unitNotConvertible?unit=kWh&factorUnit=kg"] },
    });
    const [line] = await linesOf(application.id);
    expect(
      await updateInventoryLineAction({ ...lineInput(application.id, { source: "database_factor", factorId: electricity, unit: "t" }), lineId: line.id }),
    ).toMatchObject({ ok: false, fieldErrors: { unit: [expect.stringContaining("unitNotConvertible")] } });
    expect(await linesOf(application.id)).toEqual([line]);
    expect(await revisionOf(application.id)).toBe(application.inventoryRevision);
  });

  it("accepts a quantity typed with thousands separators and stores the plain number", async () => {
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    const electricity = await factorId("cn.electricity.national.2024");
    const added = await addInventoryLineAction(
      lineInput(application.id, { stage: "production", source: "database_factor", factorId: electricity, quantity: "1,200,000", unit: "kWh" }),
    );
    if (!added.ok) throw new Error(added.message);
    const [line] = await db.select().from(inventoryLines).where(eq(inventoryLines.id, added.data.lineId));
    expect(line.quantity).toBe("1200000");
    // A misplaced comma is refused with the message that says where commas go; nothing is stored.
    const linesOf = () => db.select({ id: inventoryLines.id }).from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
    const before = await linesOf();
    expect(await addInventoryLineAction(lineInput(application.id, { quantity: "1,20,0" }))).toMatchObject({
      ok: false,
      fieldErrors: { quantity: ["validation.numberSeparators"] },
    });
    expect(await linesOf()).toEqual(before);
  });

  it("refuses a stage outside the boundary and an unknown factor next to their fields", async () => {
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    expect(await addInventoryLineAction(lineInput(application.id, { stage: "use" }))).toMatchObject({
      ok: false,
      fieldErrors: { stage: ["inventory.validation.stageOutsideBoundary"] },
    });
    expect(
      await addInventoryLineAction(lineInput(application.id, { source: "database_factor", factorId: crypto.randomUUID() })),
    ).toMatchObject({ ok: false, fieldErrors: { factorId: ["inventory.validation.pickFactor"] } });
    expect(await linesOf(application.id)).toHaveLength(1);
  });

  it("refuses everyone but the owning enterprise", async () => {
    const application = await createApplication(cast.enterprise.id);
    const [line] = await linesOf(application.id);
    await expectRefusedForOthers(cast, () => addInventoryLineAction(lineInput(application.id)));
    await expectRefusedForOthers(cast, () => updateInventoryLineAction({ ...lineInput(application.id), lineId: line.id }));
    await expectRefusedForOthers(cast, () => deleteInventoryLineAction({ applicationId: application.id, lineId: line.id }));
    expect(await linesOf(application.id)).toEqual([line]);
    expect(await revisionOf(application.id)).toBe(application.inventoryRevision);
    expect(await auditEventsOf(application.id)).toEqual([]);
  });

  it("refuses every change while the inventory is frozen", async () => {
    for (const status of ["submitted", "accepted", "in_review", "awaiting_decision", "certified", "rejected"] as const) {
      const application = await createApplication(cast.enterprise.id, { status, verificationBodyId: cast.body.id });
      const [line] = await linesOf(application.id);
      actAs(cast.owner);
      const frozen = { ok: false, message: "inventory.errors.frozen" };
      expect(await addInventoryLineAction(lineInput(application.id))).toMatchObject(frozen);
      expect(await updateInventoryLineAction({ ...lineInput(application.id), lineId: line.id })).toMatchObject(frozen);
      expect(await deleteInventoryLineAction({ applicationId: application.id, lineId: line.id })).toMatchObject(frozen);
      expect(await calculateApplicationAction({ applicationId: application.id })).toMatchObject(frozen);
      expect(await linesOf(application.id)).toEqual([line]);
      expect(await auditEventsOf(application.id)).toEqual([]);
    }
  });

  it("lets the owner edit again after changes are requested", async () => {
    const application = await createApplication(cast.enterprise.id, { status: "changes_requested", verificationBodyId: cast.body.id });
    actAs(cast.owner);
    expect((await addInventoryLineAction(lineInput(application.id))).ok).toBe(true);
  });
});

describe("calculation", () => {
  it("stores the footprint per declared unit with its breakdown and sets the application's latest result", async () => {
    const application = await createApplication(cast.enterprise.id);
    await addRefrigerantLine(application.id);
    actAs(cast.owner);
    const result = await calculateApplicationAction({ applicationId: application.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 250 MWh × 0.4 × 0.5777 kg/kWh / 10,000 = 5.777; 2 kg × 1530 / 10,000 = 0.306.
    expect(result.data.result).toBe("6.083");
    const [calculation] = await db.select().from(calculations).where(eq(calculations.id, result.data.calculationId));
    expect(calculation).toMatchObject({ result: "6.083", inventoryRevision: application.inventoryRevision, gwpSet: "AR6" });
    const breakdown = calculation.breakdown as { byStage: Record<string, string>; factorsUsed: { factorKey: string; version: number }[] };
    expect(breakdown.byStage).toMatchObject({ production: "5.777", raw_material: "0.306" });
    expect(breakdown.factorsUsed).toEqual([expect.objectContaining({ factorKey: "cn.electricity.national.2024", version: 1 })]);
    const [row] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(row).toMatchObject({ latestCalculationId: calculation.id, resultValue: "6.083" });
    const [event] = await auditEventsOf(application.id);
    expect(event).toMatchObject({ action: "application.calculate", entityId: calculation.id, actorUserId: cast.owner.id });
    expect(event.data).toEqual({ inventoryRevision: application.inventoryRevision, result: "6.083" });
  });

  it("calculates an inventory with a required stage empty and stores the result (submission checks the stage)", async () => {
    // The factory's application has only the production electricity line: raw materials are empty.
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    const result = await calculateApplicationAction({ applicationId: application.id });
    expect(result).toMatchObject({ ok: true, data: { result: "5.777" } });
    const [row] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(row.resultValue).toBe("5.777");
  });

  it("refuses an unusable production volume naming that cause", async () => {
    const application = await createApplication(cast.enterprise.id);
    await db.update(products).set({ productionVolume: "0" }).where(eq(products.id, application.productId));
    actAs(cast.owner);
    expect(await calculateApplicationAction({ applicationId: application.id })).toMatchObject({
      ok: false,
      message: "applications.errors.productionVolumeInvalid",
    });
    expect(await db.select().from(calculations).where(eq(calculations.applicationId, application.id))).toHaveLength(0);
  });

  it("refuses a unit mismatch, names the line and stores no total", async () => {
    const application = await createApplication(cast.enterprise.id);
    await addRefrigerantLine(application.id);
    const electricity = await factorId("cn.electricity.national.2024");
    const [wrong] = await db
      .insert(inventoryLines)
      .values({ applicationId: application.id, stage: "raw_material", description: "Copper", quantity: "5", unit: "kg", source: "database_factor", factorId: electricity })
      .returning();
    actAs(cast.owner);
    expect(await calculateApplicationAction({ applicationId: application.id })).toMatchObject({
      ok: false,
      message: "applications.errors.calculationRefused?count=1&lines=Copper",
    });
    expect(await db.select().from(calculations).where(eq(calculations.applicationId, application.id))).toHaveLength(0);
    const outcome = await db.transaction((tx) => runCalculation(tx, cast.owner, application.id));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure.lineErrors).toEqual([
      { lineId: wrong.id, reason: "unit_mismatch", detail: "kg cannot be converted to kWh" },
    ]);
  });

  it("refuses everyone but the owning enterprise", async () => {
    const application = await createApplication(cast.enterprise.id);
    await addRefrigerantLine(application.id);
    await expectRefusedForOthers(cast, () => calculateApplicationAction({ applicationId: application.id }));
    expect(await db.select().from(calculations).where(eq(calculations.applicationId, application.id))).toHaveLength(0);
  });
});
