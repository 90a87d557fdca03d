/**
 * The factor-impact job when a computation fails (issue 12): the attempt is recorded on the run
 * and the job fails (so the job system retries it with backoff); after the last attempt the run
 * shows as failed, audited, and nobody was notified.
 */
import { eq } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, factorImpactRuns, notifications } from "@/db/schema";
import { addFactorVersionAction } from "@/lib/actions/regulator/factors";
import { FACTOR_IMPACT_MAX_ATTEMPTS } from "@/lib/domain/factors/fail-factor-impact-run";
import { JOB_HANDLERS } from "@/lib/job-handlers";
import { actAs } from "../support/factories";
import { createCertificate, createFactor, createRegion } from "../support/regulator-fixtures";

const failing = vi.hoisted(() => ({ on: false }));

// The computation itself fails (a statement the database refuses, a bug) while the claim and the
// record of the failure still reach the database.
vi.mock("@/lib/domain/factors/complete-factor-impact-run", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/domain/factors/complete-factor-impact-run")>();
  return {
    completeFactorImpactRun: async (...args: Parameters<typeof original.completeFactorImpactRun>) => {
      if (failing.on) throw new Error("simulated statement failure");
      return original.completeFactorImpactRun(...args);
    },
  };
});

const runImpactJob = () => JOB_HANDLERS["factor-impact"]!({ id: crypto.randomUUID(), queue: "factor-impact", data: {} });

it("records each failed attempt, fails the job for a retry, and gives the run up after the last one", async () => {
  // Runs other files left waiting are computed first, so the failures below are this run's.
  await runImpactJob();
  const pilot = await createRegion("850000", "850101");
  const factor = await createFactor("1", "kWh", pilot.region);
  await createCertificate(pilot, { value: "20", factor: { id: factor.id, quantity: "200000" } });
  actAs(pilot.regulator);
  const result = await addFactorVersionAction({
    factorKey: factor.factorKey,
    nameZh: factor.nameZh,
    nameEn: factor.nameEn,
    category: factor.category,
    value: "2",
    unit: factor.unit,
    region: factor.region,
    year: factor.year,
    source: "Updated",
    gwpBasis: "AR6",
    emissionCategory: "fossil",
  });
  if (!result.ok) throw new Error(result.message);
  const runOf = async () => (await db.select().from(factorImpactRuns).where(eq(factorImpactRuns.id, result.data.impactRunId!)))[0];

  failing.on = true;
  await expect(runImpactJob()).rejects.toThrow("simulated statement failure");
  expect(await runOf()).toMatchObject({ status: "queued", attempts: 1, lastError: "simulated statement failure" });
  for (let attempt = 2; attempt <= FACTOR_IMPACT_MAX_ATTEMPTS; attempt++) await expect(runImpactJob()).rejects.toThrow();
  expect(await runOf()).toMatchObject({ status: "failed", attempts: FACTOR_IMPACT_MAX_ATTEMPTS });
  const given = await db.select().from(auditEvents).where(eq(auditEvents.action, "factor.impactRunFailed")).orderBy(auditEvents.id);
  expect(given.filter((event) => (event.data as { runId?: string }).runId === result.data.impactRunId)).toHaveLength(1);

  // A further job finds nothing to do: the failed run stays failed, and nobody was told.
  failing.on = false;
  await runImpactJob();
  expect(await runOf()).toMatchObject({ status: "failed" });
  expect(await db.select().from(notifications).where(eq(notifications.organizationId, pilot.enterprise.id))).toEqual([]);
});
