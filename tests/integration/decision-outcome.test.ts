import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, benchmarks, certificates, products } from "@/db/schema";
import { decideApplicationAction } from "@/lib/actions/verification/decide-application";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getApplicationPage } from "@/lib/dal/enterprise-application";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { createApplicationAwaitingDecision } from "../support/certificate-fixtures";
import { actAs, createOrganization, createUser } from "../support/factories";

type Setup = Awaited<ReturnType<typeof createApplicationAwaitingDecision>>;

/** An application awaiting the decision whose category's benchmark (version 1, in force) equals its footprint per piece. */
async function awaitingWithBenchmark() {
  const setup = await createApplicationAwaitingDecision();
  const [product] = await db.select().from(products).where(eq(products.id, setup.application.productId));
  expect(product.declaredUnitAmount).toBe("1");
  const [benchmark] = await db
    .insert(benchmarks)
    .values({ categoryId: setup.application.categoryId, region: setup.application.region, version: 1, value: setup.result, declaredUnit: "piece", source: "Test benchmark", effectiveFrom: "2020-01-01", thresholds: [0.7, 0.85, 1, 1.15] })
    .returning();
  return { ...setup, benchmark };
}

async function viewAs(user: Setup["reviewer"], applicationId: string) {
  actAs(user);
  return loadVerifierApplication((await getCurrentUser())!, applicationId);
}

async function decisionState(applicationId: string) {
  const [application] = await db.select({ status: applications.status, version: applications.version }).from(applications).where(eq(applications.id, applicationId));
  const [issued] = await db.select({ n: count() }).from(certificates).where(eq(certificates.applicationId, applicationId));
  const [audited] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.applicationId, applicationId));
  return { application, certificates: issued.n, auditEvents: audited.n };
}

describe("the decision shows and confirms what the certificate will carry", () => {
  it("shows the reviewer the grade issuance gives, and approving with that confirmation issues exactly it", async () => {
    const setup = await awaitingWithBenchmark();
    const view = await viewAs(setup.reviewer, setup.application.id);
    // Footprint = benchmark: ratio 1, at the 1.0 bound of level 3 of 5.
    expect(view?.decisionOutcome).toMatchObject({ grade: 3, levels: 5, ratio: "1", perUnit: setup.result, benchmark: { id: setup.benchmark.id, version: 1 }, benchmarkInOtherUnit: null });
    expect(view?.certificate).toBeNull();
    const approved = await decideApplicationAction({
      applicationId: setup.application.id,
      expectedVersion: setup.application.version,
      decision: "approve",
      reason: "",
      confirmed: true,
      confirmedOutcome: { grade: 3, benchmarkId: setup.benchmark.id },
    });
    expect(approved).toMatchObject({ ok: true, data: { status: "certified" } });
    const [certificate] = await db.select().from(certificates).where(eq(certificates.applicationId, setup.application.id));
    expect({ grade: certificate.grade, benchmarkId: certificate.benchmarkId }).toEqual({ grade: 3, benchmarkId: setup.benchmark.id });

    // Both sides now link to it.
    expect((await viewAs(setup.reviewer, setup.application.id))?.certificate).toEqual({ number: certificate.number, grade: 3, status: "valid", supplierDependencies: [] });
    actAs(setup.enterpriseUser);
    const page = await getApplicationPage((await getCurrentUser())!, setup.application.id, { page: 1 });
    expect(page?.certificate).toEqual({ number: certificate.number, grade: 3, status: "valid", supplierDependencies: [] });
  });

  it("refuses an approval without the confirmation at its field, issuing nothing", async () => {
    const setup = await awaitingWithBenchmark();
    const before = await decisionState(setup.application.id);
    actAs(setup.reviewer);
    for (const input of [
      { confirmed: false, confirmedOutcome: { grade: 3, benchmarkId: setup.benchmark.id } },
      { confirmed: true, confirmedOutcome: null },
      {},
    ]) {
      const result = await decideApplicationAction({ applicationId: setup.application.id, expectedVersion: setup.application.version, decision: "approve", reason: "", ...input });
      expect(result).toMatchObject({ ok: false, fieldErrors: { confirmed: ["verifier.errors.confirmOutcome"] } });
    }
    expect(await decisionState(setup.application.id)).toEqual(before);
    // A rejection needs no confirmation of a grade.
    expect(await decideApplicationAction({ applicationId: setup.application.id, expectedVersion: setup.application.version, decision: "reject", reason: "Not traceable" })).toMatchObject({ ok: true });
  });

  it("rolls the approval back when a new benchmark version came into force after the page loaded", async () => {
    const setup = await awaitingWithBenchmark();
    const shown = (await viewAs(setup.reviewer, setup.application.id))?.decisionOutcome;
    expect(shown?.grade).toBe(3);
    // The regulator halves the benchmark: the footprint is now twice it, level 5.
    const [stricter] = await db
      .insert(benchmarks)
      .values({ ...setup.benchmark, id: undefined, createdAt: undefined, version: 2, value: String(Number(setup.result) / 2) })
      .returning();
    const before = await decisionState(setup.application.id);
    actAs(setup.reviewer);
    const stale = await decideApplicationAction({
      applicationId: setup.application.id,
      expectedVersion: setup.application.version,
      decision: "approve",
      reason: "",
      confirmed: true,
      confirmedOutcome: { grade: shown!.grade, benchmarkId: shown!.benchmark!.id },
    });
    expect(stale).toMatchObject({ ok: false, message: "verifier.errors.outcomeChanged" });
    expect(await decisionState(setup.application.id)).toEqual(before);
    const now = (await viewAs(setup.reviewer, setup.application.id))?.decisionOutcome;
    expect(now).toMatchObject({ grade: 5, benchmark: { id: stricter.id, version: 2 } });
  });

  it("says a certificate carries no grade without a comparable benchmark, and issues it so", async () => {
    const setup = await createApplicationAwaitingDecision();
    expect((await viewAs(setup.reviewer, setup.application.id))?.decisionOutcome).toMatchObject({ grade: null, benchmark: null, benchmarkInOtherUnit: null });
    // A benchmark per kilogram does not grade a product declared per piece.
    await db.insert(benchmarks).values({ categoryId: setup.application.categoryId, region: setup.application.region, version: 1, value: "10", declaredUnit: "kg", source: "Per kg", effectiveFrom: "2020-01-01", thresholds: [1] });
    expect((await viewAs(setup.reviewer, setup.application.id))?.decisionOutcome).toMatchObject({ grade: null, benchmark: null, benchmarkInOtherUnit: "kg" });
    actAs(setup.reviewer);
    expect(
      await decideApplicationAction({ applicationId: setup.application.id, expectedVersion: setup.application.version, decision: "approve", reason: "", confirmed: true, confirmedOutcome: { grade: null, benchmarkId: null } }),
    ).toMatchObject({ ok: true });
    const [certificate] = await db.select({ grade: certificates.grade, benchmarkId: certificates.benchmarkId }).from(certificates).where(eq(certificates.applicationId, setup.application.id));
    expect(certificate).toEqual({ grade: null, benchmarkId: null });
  });

  it("shows the outcome to no one who may not decide, and refuses their approval", async () => {
    const setup = await awaitingWithBenchmark();
    // The lead verifier sees the application but may not decide on it.
    expect((await viewAs(setup.verifier, setup.application.id))?.decisionOutcome).toBeNull();
    const otherBody = await createOrganization("verification_body");
    const stranger = await createUser("reviewer", otherBody.id);
    expect(await viewAs(stranger, setup.application.id)).toBeNull();
    const before = await decisionState(setup.application.id);
    const approval = { applicationId: setup.application.id, expectedVersion: setup.application.version, decision: "approve" as const, reason: "", confirmed: true, confirmedOutcome: { grade: 3, benchmarkId: setup.benchmark.id } };
    for (const caller of [setup.verifier, stranger, setup.enterpriseUser, await createUser("admin"), null]) {
      actAs(caller);
      expect((await decideApplicationAction(approval)).ok).toBe(false);
    }
    expect(await decisionState(setup.application.id)).toEqual(before);
    expect(await db.select().from(certificates).where(eq(certificates.applicationId, setup.application.id))).toEqual([]);
  });
});
