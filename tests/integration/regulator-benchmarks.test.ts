import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, benchmarks } from "@/db/schema";
import { createBenchmarkVersionAction, previewBenchmarkVersionAction } from "@/lib/actions/regulator/benchmark-version";
import { actAs, createUser } from "../support/factories";
import { createCertificate, createRegion } from "../support/regulator-fixtures";

type Pilot = Awaited<ReturnType<typeof createRegion>>;
let home: Pilot;
let away: Pilot;
// A category no other test file grades, so its benchmark versions are this file's alone.
const CATEGORY = "wood_panel";

beforeAll(async () => {
  home = await createRegion("950000", "950101");
  away = await createRegion("960000", "960101");
  for (const value of ["60", "80", "95", "120"]) await createCertificate(home, { value, categoryId: CATEGORY });
  await createCertificate(home, { value: "50", categoryId: CATEGORY, status: "withdrawn" });
  await createCertificate(home, { value: "50", categoryId: CATEGORY, expiresOn: "2024-01-01" });
  await createCertificate(away, { value: "10", categoryId: CATEGORY });
});

const input = (value: string, thresholds = "0.70, 0.85, 1.00, 1.15") => ({
  categoryId: CATEGORY,
  value,
  source: "Pilot study 2026",
  effectiveFrom: "2026-07-01",
  thresholds,
});

describe("benchmark versions", () => {
  it("previews the levels of the region's certificates in force before anything is saved", async () => {
    actAs(home.regulator);
    const preview = await previewBenchmarkVersionAction(input("100"));
    // 60 → level 1, 80 → 2, 95 → 3, 120 → 5; the withdrawn, the expired and the other region's are left out.
    expect(preview).toEqual({ ok: true, data: { certificates: 4, proposed: [1, 1, 1, 0, 1], current: null } });
    expect(await db.select().from(benchmarks).where(eq(benchmarks.categoryId, CATEGORY))).toHaveLength(0);
  });

  it("saves each change as a new version and compares the next preview with it", async () => {
    actAs(home.regulator);
    const first = await createBenchmarkVersionAction(input("100"));
    expect(first).toMatchObject({ ok: true, data: { version: 1 } });
    const second = await createBenchmarkVersionAction(input("80", "0.8, 1.2"));
    expect(second).toMatchObject({ ok: true, data: { version: 2 } });
    const versions = await db.select().from(benchmarks).where(eq(benchmarks.categoryId, CATEGORY));
    expect(versions.map((version) => [version.version, version.value, version.thresholds])).toEqual(
      expect.arrayContaining([
        [1, "100", [0.7, 0.85, 1, 1.15]],
        [2, "80", [0.8, 1.2]],
      ]),
    );
    const preview = await previewBenchmarkVersionAction(input("120"));
    // Current v2 (80, bounds 0.8 / 1.2): 60 → 1, 80 → 2, 95 → 2, 120 → 3. Proposed 120: 60, 80 → 1, 95 → 2, 120 → 3.
    expect(preview).toMatchObject({ ok: true, data: { current: [1, 2, 1], proposed: [2, 1, 1, 0, 0] } });
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "benchmark.createVersion"), eq(auditEvents.region, "950000")));
    expect(events.map((event) => event.toStatus).sort()).toEqual(["v1", "v2"]);
  });

  it("refuses invalid thresholds and values next to their fields", async () => {
    actAs(home.regulator);
    const result = await createBenchmarkVersionAction({ ...input("-3", "1.0, 0.9"), categoryId: CATEGORY });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { value: ["validation.positive"], thresholds: ["benchmarks.errors.thresholds_not_ascending?maximum=9"] },
    });
    const unknown = await previewBenchmarkVersionAction({ ...input("1"), categoryId: "no_such_category" });
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { categoryId: ["validation.choice"] } });
  });

  it.each(["enterprise", "verifier", "reviewer", "admin"] as const)("refuses a %s", async (role) => {
    actAs(await createUser(role));
    expect(await previewBenchmarkVersionAction(input("100"))).toEqual({ ok: false, message: "errors.forbidden" });
    expect(await createBenchmarkVersionAction(input("100"))).toEqual({ ok: false, message: "errors.forbidden" });
  });

  it("refuses the anonymous", async () => {
    actAs(null);
    expect(await createBenchmarkVersionAction(input("100"))).toEqual({ ok: false, message: "errors.unauthenticated" });
  });
});
