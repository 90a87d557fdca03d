import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, stageDurationBuckets } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { getCurrentUser } from "@/lib/auth/current-user";
import { pilotDashboard } from "@/lib/dal/regulator-overview";
import { recordStageTransition } from "@/lib/domain/applications/stage-durations";
import { transitionApplication } from "@/lib/domain/applications/transition";
import { actAs, createApplication } from "../support/factories";
import { createRegion } from "../support/regulator-fixtures";

const DAY_MS = 86_400_000;

async function bucketsOf(region: string) {
  return db
    .select({
      categoryId: stageDurationBuckets.categoryId,
      district: stageDurationBuckets.district,
      fromStatus: stageDurationBuckets.fromStatus,
      daysBucket: stageDurationBuckets.daysBucket,
      count: stageDurationBuckets.count,
    })
    .from(stageDurationBuckets)
    .where(eq(stageDurationBuckets.region, region))
    .orderBy(stageDurationBuckets.categoryId, stageDurationBuckets.district);
}

describe("days-in-stage buckets", () => {
  it("are counted by the transition, in its transaction, once per roll-up", async () => {
    // A region no other test file writes audit events in: the audit trail test lists its own region whole.
    const pilot = await createRegion("990000", "990101");
    const application = await createApplication(pilot.enterprise.id, { status: "submitted", verificationBodyId: pilot.body.id });
    await db
      .update(applications)
      .set({ stageEnteredAt: new Date(Date.now() - 2.5 * DAY_MS) })
      .where(eq(applications.id, application.id));
    const actor = { id: pilot.verifier.id, role: "verifier", organizationId: pilot.body.id };
    const request = { applicationId: application.id, from: ["submitted"] as const, to: "accepted" as const, actor, action: "application.accept" };

    // A refused transition leaves no count behind.
    await expect(db.transaction((tx) => transitionApplication(tx, { ...request, expectedVersion: application.version + 5 }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await bucketsOf("990000")).toEqual([]);

    await db.transaction((tx) => transitionApplication(tx, { ...request, expectedVersion: application.version }));
    const bucket = { fromStatus: "submitted", daysBucket: 25, count: 1 };
    const rollUps = [
      { categoryId: "", district: "", ...bucket },
      { categoryId: "", district: "990101", ...bucket },
      { categoryId: application.categoryId, district: "", ...bucket },
      { categoryId: application.categoryId, district: "990101", ...bucket },
    ];
    // Each roll-up twice: this month and all time.
    expect(await bucketsOf("990000")).toEqual(rollUps.flatMap((row) => [row, row]));
  });

  it("give the exact median and 90th percentile of the days rounded to 0.1, for every filter", async () => {
    const pilot = await createRegion("940000", "940101");
    const application = await createApplication(pilot.enterprise.id, { status: "certified", verificationBodyId: pilot.body.id });
    // Midday in Asia/Shanghai, so every transition sits well inside its calendar day.
    const known: Array<[string, string]> = [
      ["2025-01-10", "1"],
      ["2025-02-15", "2.04"],
      ["2025-03-20", "3"],
      ["2025-04-05", "3.96"],
      ["2025-04-25", "10"],
    ];
    for (const [day, days] of known) {
      await recordStageTransition(db, {
        applicationId: application.id,
        region: pilot.region,
        categoryId: application.categoryId,
        district: pilot.district,
        fromStatus: "in_review",
        toStatus: "awaiting_decision",
        at: new Date(`${day}T12:00:00+08:00`),
        daysInFrom: days,
      });
    }
    actAs(pilot.regulator);
    const user = await getCurrentUser();
    if (!user) throw new Error("no session");
    const durations = async (filters: Parameters<typeof pilotDashboard>[1]) => (await pilotDashboard(user, filters)).stageDurations;
    const stage = (transitions: number, medianDays: string, p90Days: string) => [{ stage: "in_review", transitions, medianDays, p90Days }];

    // Whole set: rounded days 1.0, 2.0, 3.0, 4.0, 10.0.
    expect(await durations({})).toEqual(stage(5, "3.0", "10.0"));
    expect(await durations({ category: application.categoryId, district: pilot.district })).toEqual(stage(5, "3.0", "10.0"));
    expect(await durations({ district: "940199" })).toEqual([]);
    // Partial months at both ends (read from the transitions) plus whole February and March (from the buckets).
    expect(await durations({ from: "2025-01-05", to: "2025-04-20" })).toEqual(stage(4, "2.0", "4.0"));
    // Inside one month.
    expect(await durations({ from: "2025-04-01", to: "2025-04-30" })).toEqual(stage(2, "4.0", "10.0"));
    expect(await durations({ from: "2025-02-01", to: "2025-03-31" })).toEqual(stage(2, "2.0", "3.0"));

    // The same figures as the database's own percentile over the raw transitions.
    const [exact] = (
      await db.execute(sql`select round(percentile_disc(0.5) within group (order by round(days_in_from, 1)), 1)::text as median,
                                  round(percentile_disc(0.9) within group (order by round(days_in_from, 1)), 1)::text as p90
                           from stage_transitions where region = ${pilot.region}`)
    ).rows as Array<{ median: string; p90: string }>;
    expect(stage(5, exact.median, exact.p90)).toEqual(await durations({}));
    const rows = await db.select().from(stageDurationBuckets).where(and(eq(stageDurationBuckets.region, pilot.region), eq(stageDurationBuckets.district, "")));
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(20); // (all + category) × (month + all time)
  });
});
