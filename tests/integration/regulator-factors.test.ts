import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { emissionFactors, notifications, type EmissionFactor } from "@/db/schema";
import { addFactorVersionAction, importFactorsAction } from "@/lib/actions/regulator/factors";
import { actAs, createUser } from "../support/factories";
import { createCertificate, createFactor, createRegion, databaseError } from "../support/regulator-fixtures";

type Pilot = Awaited<ReturnType<typeof createRegion>>;
let here: Pilot;
let there: Pilot;
let factor: EmissionFactor;
let affectedNumber: string;

const fieldsOf = (base: EmissionFactor, change: Partial<Record<string, string | number>> = {}) => ({
  factorKey: base.factorKey,
  nameZh: base.nameZh,
  nameEn: base.nameEn,
  category: base.category,
  value: base.value,
  unit: base.unit,
  region: base.region,
  year: base.year,
  source: "Updated source",
  gwpBasis: "AR6" as const,
  emissionCategory: "fossil" as const,
  ...change,
});

beforeAll(async () => {
  here = await createRegion("970000", "970101");
  there = await createRegion("980000", "980101");
  factor = await createFactor("0.5", "kWh");
  // 200,000 kWh × 0.5 kg / 10,000 units = 10 kg per unit: half of a 20 kg footprint, 5 % of a 200 kg one.
  const line = { id: factor.id, quantity: "200000" };
  affectedNumber = (await createCertificate(here, { value: "20", factor: line })).certificate.number;
  await createCertificate(here, { value: "200", factor: line });
  await createCertificate(there, { value: "20", factor: line });
});

describe("factor versions", () => {
  it("adds a new factor as version 1", async () => {
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(factor, { factorKey: `test.new.${Date.now()}`, value: "1.2" }));
    expect(result).toMatchObject({ ok: true, data: { version: 1, affected: [] } });
  });

  it("supersedes the current version, lists the region's certificates moved by more than 10 % and notifies their enterprises", async () => {
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(factor, { value: "0.75" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.version).toBe(2);
    expect(result.data.affected).toEqual([expect.objectContaining({ number: affectedNumber, shift: "0.25" })]);

    const versions = await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, factor.factorKey));
    const [old] = versions.filter((version) => version.version === 1);
    expect(old.supersededAt).not.toBeNull();
    expect(old.value).toBe("0.5");
    const current = await db
      .select()
      .from(emissionFactors)
      .where(and(eq(emissionFactors.factorKey, factor.factorKey), isNull(emissionFactors.supersededAt)));
    expect(current.map((version) => version.version)).toEqual([2]);

    const notified = await db.select().from(notifications).where(eq(notifications.kind, "factor.recalculationRecommended"));
    expect(notified.filter((n) => n.organizationId === here.enterprise.id)).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ number: affectedNumber, shift: "25.0" }) }),
    ]);
    expect(notified.filter((n) => n.organizationId === there.enterprise.id)).toEqual([]);
  });

  it("never lets the database edit or delete a used factor", async () => {
    await expect(databaseError(db.update(emissionFactors).set({ value: "0.1" }).where(eq(emissionFactors.id, factor.id)))).resolves.toMatch(
      /edit refused/,
    );
    await expect(databaseError(db.delete(emissionFactors).where(eq(emissionFactors.id, factor.id)))).resolves.toMatch(/foreign key/);
    const [row] = await db.select().from(emissionFactors).where(eq(emissionFactors.id, factor.id));
    expect(row.value).toBe("0.5");
  });

  it("refuses a new version measuring another kind of quantity, next to the unit", async () => {
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(factor, { unit: "kg" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { unit: ["factors.errors.unitDimension"] } });
  });

  it.each(["enterprise", "verifier", "reviewer", "admin"] as const)("refuses a %s", async (role) => {
    actAs(await createUser(role));
    expect(await addFactorVersionAction(fieldsOf(factor, { value: "9" }))).toEqual({ ok: false, message: "errors.forbidden" });
    expect(await importFactorsAction({ csv: "x" })).toEqual({ ok: false, message: "errors.forbidden" });
  });

  it("refuses the anonymous", async () => {
    actAs(null);
    expect(await addFactorVersionAction(fieldsOf(factor, { value: "9" }))).toEqual({ ok: false, message: "errors.unauthenticated" });
  });
});

describe("factor CSV import", () => {
  const header = "factor_key,name_zh,name_en,category,value,unit,region,year,source";

  it("reports row errors and saves nothing", async () => {
    actAs(here.regulator);
    const key = `test.import.bad.${Date.now()}`;
    const result = await importFactorsAction({ csv: `${header}\n${key},好,Good,energy,1,kWh,CN,2025,S\nBAD,坏,Bad,energy,x,kWh,CN,2025,S` });
    expect(result).toMatchObject({ ok: true, data: { imported: 0, errors: expect.arrayContaining([{ line: 3, field: "value", message: "validation.number" }]) } });
    expect(await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, key))).toEqual([]);
  });

  it("imports new factors and new versions in one transaction", async () => {
    actAs(here.regulator);
    const key = `test.import.ok.${Date.now()}`;
    const csv = `${header}\n${key},新,New,energy,1,kWh,CN,2025,S\n${factor.factorKey},测试电力,Test electricity,electricity,0.76,kWh,CN,2026,S`;
    const result = await importFactorsAction({ csv });
    expect(result).toMatchObject({ ok: true, data: { imported: 2 } });
    const versions = await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, factor.factorKey));
    expect(versions.map((version) => version.version).sort()).toEqual([1, 2, 3]);
  });
});
