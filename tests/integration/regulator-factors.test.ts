import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, emissionFactors, factorImpactRuns, notifications, type EmissionFactor } from "@/db/schema";
import { addFactorVersionAction, importFactorsAction } from "@/lib/actions/regulator/factors";
import { getCurrentUser } from "@/lib/auth/current-user";
import { recentImpactRuns } from "@/lib/dal/factors";
import { claimFactorImpactRun } from "@/lib/domain/factors/claim-factor-impact-run";
import { completeFactorImpactRun } from "@/lib/domain/factors/complete-factor-impact-run";
import { FACTOR_IMPACT_MAX_ATTEMPTS, failFactorImpactRun } from "@/lib/domain/factors/fail-factor-impact-run";
import { executeOperation, type Operation } from "@/lib/domain/operation";
import { JOB_HANDLERS } from "@/lib/job-handlers";
import { startJobs, stopJobs, type JobRunner } from "@/lib/jobs";
import { inProcessRunner } from "@/lib/jobs/in-process-runner";
import { systemActor } from "@/lib/policy";
import { actorFor } from "../support/certificate-fixtures";
import { actAs, createUser } from "../support/factories";
import { createCertificate, createFactor, createRegion, databaseError } from "../support/regulator-fixtures";

const system = systemActor("factor-impact");

/** The factor-impact job as its queue runs it: every waiting run is computed. */
async function runImpactJob() {
  await JOB_HANDLERS["factor-impact"]!({ id: crypto.randomUUID(), queue: "factor-impact", data: {} });
}

async function asSystem<Input, Output>(operation: Operation<Input, Output>, input: Input): Promise<Output> {
  const outcome = await executeOperation(operation, system, input);
  if (!outcome.ok) throw outcome.error;
  return outcome.data;
}

async function runOf(id: string) {
  const [run] = await db.select().from(factorImpactRuns).where(eq(factorImpactRuns.id, id));
  return run;
}

async function noticesOf(organizationId: string) {
  return (await db.select().from(notifications).where(eq(notifications.kind, "factor.recalculationRecommended"))).filter((n) => n.organizationId === organizationId);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
  // A factor of `here`'s region: its regulator keeps it.
  factor = await createFactor("0.5", "kWh", here.region);
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
    // A new key moves no certificate: no impact run.
    expect(result).toMatchObject({ ok: true, data: { version: 1, impactRunId: null } });
  });

  it("supersedes the current version at once and leaves the impact to the job, which lists the region's certificates moved by more than 10 % and notifies their enterprises", async () => {
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(factor, { value: "0.75" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.version).toBe(2);
    const runId = result.data.impactRunId!;
    // The request answered before anything was computed: the run waits, nobody is notified yet.
    expect(await runOf(runId)).toMatchObject({ status: "queued", attempts: 0, region: here.region, requestedBy: here.regulator.id });
    expect(await noticesOf(here.enterprise.id)).toEqual([]);
    const page = await recentImpactRuns((await getCurrentUser())!);
    expect(page.find((run) => run.id === runId)).toMatchObject({ status: "queued", factorKey: factor.factorKey, version: 2, affected: [] });

    const versions = await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, factor.factorKey));
    const [old] = versions.filter((version) => version.version === 1);
    expect(old.supersededAt).not.toBeNull();
    expect(old.value).toBe("0.5");
    const current = await db
      .select()
      .from(emissionFactors)
      .where(and(eq(emissionFactors.factorKey, factor.factorKey), isNull(emissionFactors.supersededAt)));
    expect(current.map((version) => version.version)).toEqual([2]);

    await runImpactJob();
    expect(await runOf(runId)).toMatchObject({ status: "done", attempts: 1, lastError: null });
    const done = (await recentImpactRuns((await getCurrentUser())!)).find((run) => run.id === runId);
    expect(done).toMatchObject({ status: "done", affected: [expect.objectContaining({ number: affectedNumber, shift: "0.25", enterpriseName: expect.any(String) })] });
    expect(done!.affected).toHaveLength(1);
    expect(await noticesOf(here.enterprise.id)).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ number: affectedNumber, shift: "25.0", factor: `${factor.factorKey} v2` }) }),
    ]);
    expect(await noticesOf(there.enterprise.id)).toEqual([]);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "factor.impactRun"), eq(auditEvents.entityId, current[0].id))).orderBy(auditEvents.id);
    expect(audit).toMatchObject({ region: here.region, actorUserId: null, data: expect.objectContaining({ runId, affectedCertificates: [affectedNumber] }) });

    // Running the job again notifies nobody twice.
    await runImpactJob();
    expect(await noticesOf(here.enterprise.id)).toHaveLength(1);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, "factor.impactRun"), eq(auditEvents.entityId, current[0].id)))).toHaveLength(1);
  });

  it("shows another region's runs to nobody but its regulator", async () => {
    actAs(there.regulator);
    const runs = await recentImpactRuns((await getCurrentUser())!);
    expect(runs.every((run) => run.factorKey !== factor.factorKey)).toBe(true);
  });

  it("lets a runner take over a run whose lease lapsed; the first runner's late completion changes nothing", async () => {
    const own = await createFactor("1", "kWh", here.region);
    const number = (await createCertificate(here, { value: "20", factor: { id: own.id, quantity: "200000" } })).certificate.number;
    // Runs other files left waiting are computed first: the claims below take the oldest waiting run.
    await runImpactJob();
    const before = (await noticesOf(here.enterprise.id)).length;
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(own, { value: "2" }));
    if (!result.ok) throw new Error(result.message);
    const runId = result.data.impactRunId!;

    const first = await asSystem(claimFactorImpactRun, { leaseSeconds: 0 });
    expect(first).toEqual({ runId, attempt: 1 });
    expect(await runOf(runId)).toMatchObject({ status: "running" });
    const second = await asSystem(claimFactorImpactRun, { leaseSeconds: 300, now: new Date(Date.now() + 1000) });
    expect(second).toEqual({ runId, attempt: 2 });
    expect(await asSystem(completeFactorImpactRun, second!)).toEqual({ completed: true, affected: 1 });
    expect(await asSystem(completeFactorImpactRun, first!)).toEqual({ completed: false, affected: 0 });
    expect(await asSystem(failFactorImpactRun, { ...first!, error: "late" })).toEqual({ status: null });
    expect(await runOf(runId)).toMatchObject({ status: "done", attempts: 2, lastError: null });
    expect((await noticesOf(here.enterprise.id)).slice(before).map((n) => n.params?.number)).toEqual([number]);
  });

  it("retries a failed computation and gives the run up after its last attempt, audited", async () => {
    const own = await createFactor("1", "kWh", here.region);
    await runImpactJob();
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(own, { value: "3" }));
    if (!result.ok) throw new Error(result.message);
    const runId = result.data.impactRunId!;
    for (let attempt = 1; attempt <= FACTOR_IMPACT_MAX_ATTEMPTS; attempt++) {
      const claimed = await asSystem(claimFactorImpactRun, { leaseSeconds: 300 });
      expect(claimed).toEqual({ runId, attempt });
      const { status } = await asSystem(failFactorImpactRun, { ...claimed!, error: "database restarted" });
      expect(status).toBe(attempt < FACTOR_IMPACT_MAX_ATTEMPTS ? "queued" : "failed");
    }
    expect(await runOf(runId)).toMatchObject({ status: "failed", attempts: FACTOR_IMPACT_MAX_ATTEMPTS, lastError: "database restarted" });
    // A failed run is not claimed again, and the page shows it failed.
    expect(await asSystem(claimFactorImpactRun, { leaseSeconds: 300 })).toBeNull();
    expect((await recentImpactRuns((await getCurrentUser())!)).find((run) => run.id === runId)).toMatchObject({ status: "failed", attempts: FACTOR_IMPACT_MAX_ATTEMPTS });
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.action, "factor.impactRunFailed")).orderBy(auditEvents.id);
    expect(audits.filter((event) => (event.data as { runId?: string }).runId === runId)).toHaveLength(1);
  });

  it.each(["enterprise", "verifier", "reviewer", "regulator", "admin"] as const)("refuses the job's operations to a %s", async (role) => {
    const actor = await actorFor(role === "regulator" ? here.regulator : await createUser(role));
    expect(await executeOperation(claimFactorImpactRun, actor, { leaseSeconds: 300 })).toMatchObject({ ok: false, error: { message: "errors.forbidden" } });
    expect(await executeOperation(claimFactorImpactRun, null, { leaseSeconds: 300 })).toMatchObject({ ok: false });
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
    const result = await importFactorsAction({ csv: `${header}\n${key},好,Good,energy,1,kWh,${here.region},2025,S\nBAD,坏,Bad,energy,x,kWh,${here.region},2025,S` });
    expect(result).toMatchObject({ ok: true, data: { imported: 0, errors: expect.arrayContaining([{ line: 3, field: "value", message: "validation.number" }]) } });
    expect(await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, key))).toEqual([]);
  });

  it("imports new factors and new versions in one transaction", async () => {
    actAs(here.regulator);
    const key = `test.import.ok.${Date.now()}`;
    const csv = `${header}\n${key},新,New,energy,1,kWh,${here.region},2025,S\n${factor.factorKey},测试电力,Test electricity,electricity,0.76,kWh,${here.region},2026,S`;
    const result = await importFactorsAction({ csv });
    // The new key needs no impact run, the new version of the used key does.
    expect(result).toMatchObject({ ok: true, data: { imported: 2, impactRuns: 1 } });
    const versions = await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, factor.factorKey));
    expect(versions.map((version) => version.version).sort()).toEqual([1, 2, 3]);
  });
});

describe("the factor-impact queue", () => {
  const runners: JobRunner[] = [];
  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    await stopJobs();
  });

  it("runs the impact of a regulator's write on pg-boss once the write committed, without anyone calling it", async () => {
    await startJobs({ "factor-impact": JOB_HANDLERS["factor-impact"] });
    const own = await createFactor("1", "kWh", here.region);
    const number = (await createCertificate(here, { value: "20", factor: { id: own.id, quantity: "200000" } })).certificate.number;
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(own, { value: "1.5" }));
    if (!result.ok) throw new Error(result.message);
    await until(async () => (await runOf(result.data.impactRunId!)).status === "done");
    expect((await noticesOf(here.enterprise.id)).filter((n) => n.params?.number === number)).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ shift: "50.0" }) }),
    ]);
    await stopJobs();
  });

  it("runs the same job on the in-process runner of the embedded demo", async () => {
    const own = await createFactor("1", "kWh", here.region);
    const number = (await createCertificate(here, { value: "20", factor: { id: own.id, quantity: "200000" } })).certificate.number;
    actAs(here.regulator);
    const result = await addFactorVersionAction(fieldsOf(own, { value: "0.5" }));
    if (!result.ok) throw new Error(result.message);
    const runner = inProcessRunner({ tickMs: 20 });
    runners.push(runner);
    await runner.start({ "factor-impact": JOB_HANDLERS["factor-impact"] });
    await runner.send("factor-impact");
    await until(async () => (await runOf(result.data.impactRunId!)).status === "done");
    expect((await noticesOf(here.enterprise.id)).filter((n) => n.params?.number === number)).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ shift: "-50.0" }) }),
    ]);
  });
});
