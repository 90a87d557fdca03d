import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as searchFactors } from "@/app/api/enterprise/factors/route";
import { getCurrentUser } from "@/lib/auth/current-user";
import { calculateApplicationAction } from "@/lib/actions/applications/calculate";
import { deleteInventoryLineAction } from "@/lib/actions/inventory/delete-line";
import { getApplicationWorkspace, listChoosableBodies, listInventoryPage } from "@/lib/dal/enterprise-application";
import { getOwnProduct } from "@/lib/dal/enterprise-products";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { conflictsOfInterest, inventoryLines } from "@/db/schema";
import { addRefrigerantLine, createCast, factorId, type Caller } from "../support/enterprise-cast";
import { actAs, createApplication, createOrganization } from "../support/factories";

let cast: Awaited<ReturnType<typeof createCast>>;
beforeAll(async () => {
  cast = await createCast();
});

async function as(caller: Caller) {
  actAs(caller);
  const user = await getCurrentUser();
  if (!user) throw new Error("no session");
  return user;
}

describe("application workspace", () => {
  it("shows the owner what is missing and names a line whose unit does not convert", async () => {
    const application = await createApplication(cast.enterprise.id);
    const electricity = await factorId("cn.electricity.national.2024");
    const [copper] = await db
      .insert(inventoryLines)
      .values({ applicationId: application.id, stage: "production", description: "Copper", quantity: "5", unit: "kg", source: "database_factor", factorId: electricity })
      .returning();
    const workspace = await getApplicationWorkspace(await as(cast.owner), application.id);
    expect(workspace?.missing).toEqual([
      { kind: "stage", stage: "raw_material" },
      { kind: "line", lineId: copper.id, description: "Copper", reason: "unit_mismatch", detail: "kg cannot be converted to kWh" },
    ]);
    expect(workspace?.lineErrors[copper.id]).toHaveLength(1);
    expect(workspace?.steps.map((step) => step.state)).toEqual(["done", "current", "todo", "todo"]);
  });

  it("shows the stored calculation while the inventory is unchanged and checks the inventory again once it changed", async () => {
    const application = await createApplication(cast.enterprise.id);
    const refrigerant = await addRefrigerantLine(application.id);
    const owner = await as(cast.owner);
    expect((await calculateApplicationAction({ applicationId: application.id })).ok).toBe(true);
    // Changed behind the application's back (no new revision): the page keeps to the stored calculation
    // of this revision, which calculated every line, and does not run the inventory again.
    await db.update(inventoryLines).set({ gas: "not-a-gas" }).where(eq(inventoryLines.id, refrigerant.id));
    const stored = await getApplicationWorkspace(owner, application.id);
    expect(stored).toMatchObject({ calculationFresh: true, missing: [], lineErrors: {}, lineCount: 2 });
    expect(stored?.stages.filter((stage) => stage.lineCount > 0).map((stage) => [stage.stage, stage.lineCount])).toEqual([
      ["raw_material", 1],
      ["production", 1],
    ]);
    expect(stored?.hotspots.map((hotspot) => hotspot.description).sort()).toEqual(["Plant electricity", "Refrigerant leakage"]);
    expect(stored?.steps.map((step) => step.state)).toEqual(["done", "done", "done", "current"]);

    // A real change makes a new revision: now the current inventory is checked and its problems named.
    const electricity = stored!.hotspots.find((hotspot) => hotspot.description === "Plant electricity")!;
    actAs(cast.owner);
    expect((await deleteInventoryLineAction({ applicationId: application.id, lineId: electricity.lineId })).ok).toBe(true);
    const changed = await getApplicationWorkspace(owner, application.id);
    expect(changed?.calculationFresh).toBe(false);
    expect(changed?.missing).toEqual([
      { kind: "stage", stage: "production" },
      { kind: "line", lineId: refrigerant.id, description: "Refrigerant leakage", reason: "unknown_gas", detail: expect.any(String) },
    ]);
    expect(changed?.hotspots.find((hotspot) => hotspot.lineId === electricity.lineId)?.description).toBeNull();
  });

  it("is invisible to another enterprise, also the product and the lines", async () => {
    const application = await createApplication(cast.enterprise.id);
    await addRefrigerantLine(application.id);
    const other = await as(cast.otherEnterpriseUser);
    expect(await getApplicationWorkspace(other, application.id)).toBeNull();
    expect(await getOwnProduct(other, application.productId)).toBeNull();
    expect((await listInventoryPage(other, application.id, 1)).rows).toEqual([]);
    const owner = await as(cast.owner);
    expect((await listInventoryPage(owner, application.id, 1)).total).toBe(2);
  });

  it("pages the line table 50 lines at a time in stage order", async () => {
    const application = await createApplication(cast.enterprise.id);
    await db.insert(inventoryLines).values(
      Array.from({ length: 120 }, (_, index) => ({
        applicationId: application.id,
        stage: "raw_material" as const,
        position: index,
        description: `Part ${index}`,
        quantity: "1",
        unit: "kg",
        source: "direct_gas" as const,
        gas: "CO2",
      })),
    );
    const owner = await as(cast.owner);
    const last = await listInventoryPage(owner, application.id, 3);
    expect(last).toMatchObject({ total: 121, page: 3, pages: 3 });
    expect(last.rows.map((row) => row.line.description)).toEqual([
      ...Array.from({ length: 20 }, (_, index) => `Part ${index + 100}`),
      "Plant electricity",
    ]);
    expect((await listInventoryPage(owner, application.id, 99)).page).toBe(3);
  });

  it("offers every verification body except one with a declared conflict of interest", async () => {
    const conflicted = await createOrganization("verification_body");
    await db.insert(conflictsOfInterest).values({ verificationBodyId: conflicted.id, enterpriseId: cast.enterprise.id, reason: "audit client" });
    const ids = (await listChoosableBodies(await as(cast.owner))).map((body) => body.id);
    expect(ids).toContain(cast.body.id);
    expect(ids).not.toContain(conflicted.id);
  });
});

describe("factor search route", () => {
  const request = (query: string) => new NextRequest(`http://localhost/api/enterprise/factors?${query}`);

  it("finds current factors by name, category, region and year for an enterprise user", async () => {
    actAs(cast.owner);
    const response = await searchFactors(request("q=national%20average&category=electricity&region=CN&year=2024"));
    expect(response.status).toBe(200);
    const { factors } = (await response.json()) as { factors: { factorKey: string; value: string; unit: string; source: string }[] };
    expect(factors.map((factor) => factor.factorKey)).toEqual(["cn.electricity.national.2024"]);
    expect(factors[0]).toMatchObject({ value: "0.5777", unit: "kWh" });
    expect(factors[0].source).toMatch(/2024/);
  });

  it("treats LIKE wildcards as text", async () => {
    actAs(cast.owner);
    const response = await searchFactors(request("q=%25"));
    expect(((await response.json()) as { factors: unknown[] }).factors).toEqual([]);
  });

  it("refuses anonymous callers and roles that do not edit inventories", async () => {
    actAs(null);
    expect((await searchFactors(request("q=coal"))).status).toBe(401);
    for (const caller of [cast.verifier, cast.regulator, cast.admin]) {
      actAs(caller);
      expect((await searchFactors(request("q=coal"))).status).toBe(403);
    }
  });
});
