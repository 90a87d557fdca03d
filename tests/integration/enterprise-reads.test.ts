import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as searchFactors } from "@/app/api/enterprise/factors/route";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getApplicationWorkspace, listChoosableBodies, listInventoryPage } from "@/lib/dal/enterprise-application";
import { getOwnProduct } from "@/lib/dal/enterprise-products";
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
