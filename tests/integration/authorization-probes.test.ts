/**
 * Authorization probes beyond the matrix (issue 11): separation of duties in
 * the certification decision, writes to another region's reference data,
 * the same answer for another tenant's id as for one that does not exist, and
 * every workflow step tried in every status it must not run in. Each probe is
 * one call through a real door (server action or domain operation); every
 * refusal leaves the database as it was. The count is printed at the end.
 */
import crypto from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  applications,
  applicationTeam,
  auditEvents,
  benchmarks,
  certificates,
  emissionFactors,
  inventoryLines,
  submissions,
  type Application,
  type ApplicationStatus,
} from "@/db/schema";
import { calculateApplicationAction } from "@/lib/actions/applications/calculate";
import { submitApplicationAction } from "@/lib/actions/applications/submit";
import { withdrawSubmissionAction } from "@/lib/actions/applications/withdraw";
import { recordSurveillanceAction } from "@/lib/actions/certificates/record-surveillance";
import { suspendCertificateAction } from "@/lib/actions/certificates/suspend-certificate";
import { addInventoryLineAction } from "@/lib/actions/inventory/add-line";
import { createBenchmarkVersionAction } from "@/lib/actions/regulator/benchmark-version";
import { addFactorVersionAction, importFactorsAction } from "@/lib/actions/regulator/factors";
import { acceptApplicationAction } from "@/lib/actions/verification/accept-application";
import { closeFindingAction } from "@/lib/actions/verification/close-finding";
import { decideApplicationAction } from "@/lib/actions/verification/decide-application";
import { declareConflictAction } from "@/lib/actions/verification/declare-conflict";
import { declineApplicationAction } from "@/lib/actions/verification/decline-application";
import { planReviewAction } from "@/lib/actions/verification/plan-review";
import { raiseFindingAction } from "@/lib/actions/verification/raise-finding";
import { recommendApplicationAction } from "@/lib/actions/verification/recommend-application";
import { recordInspectionAction } from "@/lib/actions/verification/record-inspection";
import { requestChangesAction } from "@/lib/actions/verification/request-changes";
import { respondToFindingAction } from "@/lib/actions/verification/respond-to-finding";
import { verifyLineAction } from "@/lib/actions/verification/verify-line";
import { getCurrentUser } from "@/lib/auth/current-user";
import { todayInShanghai } from "@/lib/certificates/validity";
import { listBenchmarks } from "@/lib/dal/benchmarks";
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { calculateApplication } from "@/lib/domain/applications/calculate-application";
import { submitApplication } from "@/lib/domain/applications/submit-application";
import { withdrawSubmission } from "@/lib/domain/applications/withdraw-submission";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import { addFactorVersion } from "@/lib/domain/factors/add-factor-version";
import { addInventoryLine } from "@/lib/domain/inventory/add-line";
import { executeOperation, type Operation } from "@/lib/domain/operation";
import { acceptApplication } from "@/lib/domain/verification/accept-application";
import { decideApplication } from "@/lib/domain/verification/decide-application";
import { declineApplication } from "@/lib/domain/verification/decline-application";
import { planReview } from "@/lib/domain/verification/plan-review";
import { raiseFinding } from "@/lib/domain/verification/raise-finding";
import { recommendApplication } from "@/lib/domain/verification/recommend-application";
import { recordInspection } from "@/lib/domain/verification/record-inspection";
import { requestChanges } from "@/lib/domain/verification/request-changes";
import { verifyLine } from "@/lib/domain/verification/verify-line";
import { APPLICATION_STATUSES } from "@/lib/enums";
import { decideOnApplication } from "@/lib/policy";
import type { ActionResult } from "@/lib/result";
import { inventoryLineSchema } from "@/lib/validation/schemas/inventory";
import { actorFor, createCategory } from "../support/certificate-fixtures";
import { lineInput } from "../support/enterprise-cast";
import { actAs, createUser } from "../support/factories";
import { createFactor } from "../support/regulator-fixtures";
import { approvalOf, recordSubmissionRound } from "../support/verification-fixtures";
import { auditCountOf, createWorld, entrustedApplication, issuedCertificate, openFinding, type TestUser, type World } from "../support/authz/world";

const tally = { probes: 0, unexpectedAllows: 0 };

/** One refused probe: not through, no crash, the rows `snapshot` reads and the audit trail unchanged. */
async function expectRefused<T>(
  world: World,
  snapshot: () => Promise<T>,
  call: () => Promise<{ ok: boolean; message?: string }>,
  label: string,
): Promise<{ ok: boolean; message?: string }> {
  tally.probes++;
  const before = await snapshot();
  const auditBefore = await auditCountOf(world);
  const result = await call();
  if (result.ok) tally.unexpectedAllows++;
  expect(result.ok, `${label} got through`).toBe(false);
  expect(result.message, label).not.toBe("errors.unexpected");
  expect(await snapshot(), label).toEqual(before);
  expect(await auditCountOf(world), label).toBe(auditBefore);
  return result;
}

/** The operation's answer in the shape of an action's. */
async function viaOperation<Input>(operation: Operation<Input, unknown>, user: TestUser, input: Input) {
  const outcome = await executeOperation(operation, await actorFor(user), input);
  return outcome.ok ? { ok: true } : { ok: false, message: outcome.error.message };
}

async function applicationRow(id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

async function decisionState(applicationId: string) {
  return {
    application: (await applicationRow(applicationId)) as Application,
    certificates: await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.applicationId, applicationId)),
  };
}

// ============================================================ separation of duties

describe("separation of duties: the decider took no part in the verification", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld("440000", "310000");
  });

  type Participation = { name: string; message: string; arrange: (application: Application, reviewer: TestUser) => Promise<void> };

  const PARTICIPATIONS: Participation[] = [
    {
      name: "accepted the submission",
      message: "verifier.errors.deciderNotIndependent",
      arrange: async (application, reviewer) => {
        await db.update(submissions).set({ acceptedBy: reviewer.id }).where(eq(submissions.applicationId, application.id));
      },
    },
    {
      name: "accepted an earlier round",
      message: "verifier.errors.deciderNotIndependent",
      arrange: async (application, reviewer) => {
        await db.update(submissions).set({ acceptedBy: reviewer.id }).where(eq(submissions.applicationId, application.id));
        await recordSubmissionRound(application.id, world.users.enterprise.id);
        const [latest] = await db.select().from(submissions).where(eq(submissions.applicationId, application.id)).orderBy(desc(submissions.round)).limit(1);
        await db.update(submissions).set({ acceptedBy: world.users.verifier.id }).where(eq(submissions.id, latest.id));
      },
    },
    {
      name: "planned the review",
      message: "verifier.errors.deciderNotIndependent",
      arrange: async (application, reviewer) => {
        await db.update(applications).set({ plannedBy: reviewer.id }).where(eq(applications.id, application.id));
      },
    },
    {
      name: "was planned onto the team as a member",
      message: "verifier.errors.deciderNotIndependent",
      arrange: async (application, reviewer) => {
        await db.insert(applicationTeam).values({ applicationId: application.id, userId: reviewer.id, teamRole: "member" });
      },
    },
    {
      name: "leads the team",
      message: "verifier.errors.leadCannotDecide",
      arrange: async (application, reviewer) => {
        await db.update(applications).set({ leadVerifierId: reviewer.id }).where(eq(applications.id, application.id));
        await db.update(applicationTeam).set({ userId: reviewer.id }).where(eq(applicationTeam.applicationId, application.id));
      },
    },
    {
      name: "recommended it (as a verifier, since made a reviewer)",
      message: "verifier.errors.deciderNotIndependent",
      arrange: async (application, reviewer) => {
        await db.update(applications).set({ recommendedBy: reviewer.id }).where(eq(applications.id, application.id));
      },
    },
  ];

  type DecisionDoor = { name: string; call: (user: TestUser, application: Application) => Promise<{ ok: boolean; message?: string }> };

  const DOORS: DecisionDoor[] = [
    {
      name: "approve through the action",
      call: async (user, application) => {
        actAs(user);
        return decideApplicationAction({ applicationId: application.id, expectedVersion: application.version, ...(await approvalOf(application.id)) });
      },
    },
    {
      name: "reject through the action",
      call: async (user, application) => {
        actAs(user);
        return decideApplicationAction({ applicationId: application.id, expectedVersion: application.version, decision: "reject", reason: "Not traceable" });
      },
    },
    {
      name: "the decision operation",
      call: (user, application) =>
        viaOperation(decideApplication, user, { applicationId: application.id, expectedVersion: application.version, decision: "approve", reason: "" }),
    },
    {
      name: "issuing the certificate directly",
      call: async (user, application) => {
        await db.update(applications).set({ status: "certified" }).where(eq(applications.id, application.id));
        const outcome = await viaOperation(issueCertificate, user, { applicationId: application.id });
        // The status was set only for this door: the refusal must leave everything else as it was.
        if (!outcome.ok) await db.update(applications).set({ status: "awaiting_decision" }).where(eq(applications.id, application.id));
        return outcome;
      },
    },
  ];

  for (const participation of PARTICIPATIONS) {
    for (const door of DOORS) {
      it(`refuses a reviewer who ${participation.name}: ${door.name}`, async () => {
        const reviewer = await createUser("reviewer", world.body.id);
        const { application } = await entrustedApplication(world, "awaiting_decision");
        await participation.arrange(application, reviewer);
        const result = await expectRefused(world, () => decisionState(application.id), () => door.call(reviewer, application), participation.name);
        expect(result.message).toBe(participation.message);
      });
    }

    it(`does not offer the decision on the page to a reviewer who ${participation.name}`, async () => {
      const reviewer = await createUser("reviewer", world.body.id);
      const { application } = await entrustedApplication(world, "awaiting_decision");
      await participation.arrange(application, reviewer);
      tally.probes++;
      actAs(reviewer);
      const user = (await getCurrentUser())!;
      const view = (await loadVerifierApplication(user, application.id))!;
      const decision = decideOnApplication(user, "application.decide", { ...view.application, team: view.team, acceptedBy: view.acceptedBy });
      if (decision.allowed) tally.unexpectedAllows++;
      expect(decision).toMatchObject({ allowed: false, message: participation.message });
    });
  }

  it.each(DOORS)("lets a reviewer who took no part decide: $name", async (door) => {
    const { application } = await entrustedApplication(world, "awaiting_decision");
    await db.update(submissions).set({ acceptedBy: world.users.offTeamVerifier.id }).where(eq(submissions.applicationId, application.id));
    await db.update(applications).set({ plannedBy: world.users.offTeamVerifier.id, recommendedBy: world.users.verifier.id }).where(eq(applications.id, application.id));
    expect(await door.call(world.users.reviewer, application)).toMatchObject({ ok: true });
  });

  it("records who accepted, planned and recommended through the workflow, and keeps all three and the team from deciding", async () => {
    const acceptorAndPlanner = await createUser("reviewer", world.body.id);
    const member = await createUser("reviewer", world.body.id);
    const { application } = await entrustedApplication(world, "submitted");
    actAs(acceptorAndPlanner);
    expect(await acceptApplicationAction({ applicationId: application.id, expectedVersion: application.version })).toMatchObject({ ok: true });
    let current = await applicationRow(application.id);
    expect(await planReviewAction({ ...plan(current, world), memberIds: [member.id] })).toMatchObject({ ok: true });
    actAs(world.users.verifier);
    for (const lineId of await lineIdsOf(application.id)) {
      expect(await verifyLineAction({ applicationId: application.id, lineId, verified: true })).toMatchObject({ ok: true });
    }
    current = await applicationRow(application.id);
    expect(
      await recommendApplicationAction({ applicationId: application.id, expectedVersion: current.version, recommendation: "approve", statement: "Verified." }),
    ).toMatchObject({ ok: true });

    current = await applicationRow(application.id);
    const [round] = await db.select().from(submissions).where(eq(submissions.applicationId, application.id));
    expect(round.acceptedBy).toBe(acceptorAndPlanner.id);
    expect(current).toMatchObject({ status: "awaiting_decision", plannedBy: acceptorAndPlanner.id, recommendedBy: world.users.verifier.id });

    for (const participant of [acceptorAndPlanner, member]) {
      actAs(participant);
      const refused = await expectRefused(
        world,
        () => decisionState(application.id),
        async () => decideApplicationAction({ applicationId: application.id, expectedVersion: current.version, ...(await approvalOf(application.id)) }),
        "participant decides",
      );
      expect(refused.message).toBe("verifier.errors.deciderNotIndependent");
    }
    actAs(world.users.reviewer);
    expect(await decideApplicationAction({ applicationId: application.id, expectedVersion: current.version, ...(await approvalOf(application.id)) })).toMatchObject({
      ok: true,
      data: { status: "certified" },
    });
  });
});

async function lineIdsOf(applicationId: string) {
  const lines = await db.select({ id: inventoryLines.id }).from(inventoryLines).where(eq(inventoryLines.applicationId, applicationId));
  return lines.map((line) => line.id);
}

function plan(application: Application, world: World) {
  return {
    applicationId: application.id,
    expectedVersion: application.version,
    leadVerifierId: world.users.verifier.id,
    memberIds: [] as string[],
    plannedDocumentReviewOn: "2026-12-01",
    plannedOnSiteOn: "2026-12-08",
  };
}

// ============================================================ regions

type Pilot = { region: string; regulator: TestUser; factor: { factorKey: string; region: string; unit: string }; world: World };

const REGIONS = ["110000", "310000", "440000"];

describe("reference data belongs to its region", () => {
  const pilots = new Map<string, Pilot>();
  let admin: TestUser;
  let nationalFactor: { factorKey: string; region: string; unit: string };

  beforeAll(async () => {
    for (const region of REGIONS) {
      const world = await createWorld(region, REGIONS.find((other) => other !== region)!);
      pilots.set(region, { region, regulator: world.users.regulator, factor: await createFactor("0.5", "kWh", region), world });
    }
    admin = await createUser("admin");
    nationalFactor = await createFactor("0.5", "kWh", "CN");
  });

  const fields = (factor: { factorKey: string; region: string; unit: string }, value: string, region = factor.region) => ({
    factorKey: factor.factorKey,
    nameZh: "地区因子",
    nameEn: "Regional factor",
    category: "electricity",
    value,
    unit: factor.unit,
    region,
    year: 2026,
    source: "Probe",
    gwpBasis: "AR6" as const,
    emissionCategory: "fossil" as const,
  });
  const versionsOf = (factorKey: string) => db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, factorKey)).orderBy(emissionFactors.version);
  const csvRow = (factorKey: string, region: string) => `factor_key,name_zh,name_en,category,value,unit,region,year,source\n${factorKey},因子,Factor,electricity,0.9,kWh,${region},2026,S`;

  const pairs = REGIONS.flatMap((from) => REGIONS.filter((to) => to !== from).map((to) => ({ from, to })));

  describe.each(pairs)("the regulator of $from, on $to's factors", ({ from, to }) => {
    it("cannot supersede them (action, import, operation)", async () => {
      const writer = pilots.get(from)!;
      const owner = pilots.get(to)!;
      actAs(writer.regulator);
      const snapshot = () => versionsOf(owner.factor.factorKey);
      const byAction = await expectRefused(writer.world, snapshot, () => addFactorVersionAction(fields(owner.factor, "9")), "supersede");
      expect(byAction.message).toBe("factors.errors.otherRegion");
      await expectRefused(writer.world, snapshot, () => importFactorsAction({ csv: csvRow(owner.factor.factorKey, to) }), "import");
      await expectRefused(writer.world, snapshot, () => viaOperation(addFactorVersion, writer.regulator, fields(owner.factor, "9")), "operation");
      // Nor move the key into its own region by writing the new version with its own region code.
      await expectRefused(writer.world, snapshot, () => addFactorVersionAction(fields(owner.factor, "9", from)), "move");
    });

    it("cannot add a factor under that region's code", async () => {
      const writer = pilots.get(from)!;
      const key = `test.probe.${crypto.randomBytes(4).toString("hex")}`;
      actAs(writer.regulator);
      const result = await expectRefused(writer.world, () => versionsOf(key), () => addFactorVersionAction(fields({ factorKey: key, region: to, unit: "kWh" }, "1")), "new key");
      expect(result).toMatchObject({ fieldErrors: { region: ["factors.errors.otherRegion"] } });
      await expectRefused(writer.world, () => versionsOf(key), () => importFactorsAction({ csv: csvRow(key, to) }), "import new key");
    });

    it("sets a benchmark for its own region only: the other region's stays as it was", async () => {
      const writer = pilots.get(from)!;
      const owner = pilots.get(to)!;
      const categoryId = await createCategory();
      actAs(owner.regulator);
      expect(await createBenchmarkVersionAction(benchmark(categoryId, "100"))).toMatchObject({ ok: true });
      const theirs = () => db.select().from(benchmarks).where(and(eq(benchmarks.categoryId, categoryId), eq(benchmarks.region, to)));
      tally.probes++;
      const before = await theirs();
      actAs(writer.regulator);
      expect(await createBenchmarkVersionAction(benchmark(categoryId, "1"))).toMatchObject({ ok: true, data: { version: 1 } });
      expect(await theirs()).toEqual(before);
      const [mine] = await db.select().from(benchmarks).where(and(eq(benchmarks.categoryId, categoryId), eq(benchmarks.region, from)));
      expect(mine).toMatchObject({ value: "1", version: 1 });
      const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, mine.id), eq(auditEvents.action, "benchmark.createVersion"))).orderBy(auditEvents.id);
      expect(event.region).toBe(from);
    });
  });

  describe.each(REGIONS)("national factors and %s", (region) => {
    it("are not the regulator's to write", async () => {
      const pilot = pilots.get(region)!;
      actAs(pilot.regulator);
      const key = `test.probe.glo.${crypto.randomBytes(4).toString("hex")}`;
      await expectRefused(pilot.world, () => versionsOf(nationalFactor.factorKey), () => addFactorVersionAction(fields(nationalFactor, "7")), "supersede national");
      await expectRefused(pilot.world, () => versionsOf(key), () => addFactorVersionAction(fields({ factorKey: key, region: "GLO", unit: "kWh" }, "7")), "new international");
      await expectRefused(pilot.world, () => versionsOf(nationalFactor.factorKey), () => importFactorsAction({ csv: csvRow(nationalFactor.factorKey, "CN") }), "import national");
    });

    it("the operator keeps national factors, not the region's", async () => {
      const pilot = pilots.get(region)!;
      actAs(admin);
      const key = `test.probe.admin.${crypto.randomBytes(4).toString("hex")}`;
      await expectRefused(pilot.world, () => versionsOf(pilot.factor.factorKey), () => addFactorVersionAction(fields(pilot.factor, "3")), "admin supersedes regional");
      await expectRefused(pilot.world, () => versionsOf(key), () => addFactorVersionAction(fields({ factorKey: key, region, unit: "kWh" }, "3")), "admin adds regional");
      await expectRefused(pilot.world, () => versionsOf(pilot.factor.factorKey), () => importFactorsAction({ csv: csvRow(pilot.factor.factorKey, region) }), "admin imports");
    });
  });

  it("records a factor change in the trail of the factor's region, a national one in the national trail", async () => {
    const pilot = pilots.get("440000")!;
    actAs(pilot.regulator);
    const regional = await addFactorVersionAction(fields(pilot.factor, "0.6"));
    expect(regional).toMatchObject({ ok: true, data: { version: 2 } });
    actAs(admin);
    const national = await addFactorVersionAction(fields(nationalFactor, "0.52"));
    expect(national).toMatchObject({ ok: true, data: { version: 2 } });
    const regionOf = async (factorKey: string) => {
      const [latest] = await versionsOf(factorKey).then((rows) => rows.slice(-1));
      const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, latest.id), eq(auditEvents.action, "factor.supersede"))).orderBy(auditEvents.id);
      return event.region;
    };
    expect(await regionOf(pilot.factor.factorKey)).toBe("440000");
    expect(await regionOf(nationalFactor.factorKey)).toBe("CN");
  });

  it("refuses a new version that would move a factor to another region, next to the region", async () => {
    const pilot = pilots.get("110000")!;
    actAs(pilot.regulator);
    const result = await addFactorVersionAction(fields(pilot.factor, "0.7", "CN"));
    expect(result).toMatchObject({ ok: false });
    const mine = await addFactorVersionAction({ ...fields(pilot.factor, "0.7"), region: "110000" });
    expect(mine).toMatchObject({ ok: true });
  });

  it("grades a certificate against the benchmark of its own region", async () => {
    const categoryId = await createCategory();
    const graded: Record<string, { benchmarkRegion: string | null; grade: number | null }> = {};
    for (const [region, value] of [
      ["110000", "1"],
      ["310000", "100000"],
    ] as const) {
      const pilot = pilots.get(region)!;
      actAs(pilot.regulator);
      expect(await createBenchmarkVersionAction(benchmark(categoryId, value, "2020-01-01"))).toMatchObject({ ok: true });
    }
    for (const region of ["110000", "310000"]) {
      const pilot = pilots.get(region)!;
      const { application } = await entrustedApplication(pilot.world, "awaiting_decision");
      await db.update(applications).set({ categoryId }).where(eq(applications.id, application.id));
      const reviewer = await actorFor(pilot.world.users.reviewer);
      const certificate = await db.transaction(async (tx) => {
        await tx.update(applications).set({ status: "certified" }).where(eq(applications.id, application.id));
        return issueCertificate(tx, reviewer, { applicationId: application.id });
      });
      const [used] = certificate.benchmarkId ? await db.select().from(benchmarks).where(eq(benchmarks.id, certificate.benchmarkId)) : [];
      graded[region] = { benchmarkRegion: used?.region ?? null, grade: certificate.grade };
    }
    // The same footprint: far above Beijing's benchmark (the worst level), far below Shanghai's (the best).
    expect(graded).toEqual({ "110000": { benchmarkRegion: "110000", grade: 5 }, "310000": { benchmarkRegion: "310000", grade: 1 } });
  });

  it("lists the regulator's own region's benchmark versions only", async () => {
    const categoryId = await createCategory();
    for (const region of ["110000", "440000"]) {
      actAs(pilots.get(region)!.regulator);
      expect(await createBenchmarkVersionAction(benchmark(categoryId, "50"))).toMatchObject({ ok: true });
    }
    actAs(pilots.get("110000")!.regulator);
    const listed = await listBenchmarks((await getCurrentUser())!);
    const versions = listed.find((entry) => entry.category.id === categoryId)!.versions;
    expect(versions.map((version) => version.region)).toEqual(["110000"]);
  });
});

function benchmark(categoryId: string, value: string, effectiveFrom = "2026-01-01") {
  return { categoryId, value, source: "Probe", effectiveFrom, thresholds: "0.70, 0.85, 1.00, 1.15" };
}

// ============================================================ no existence oracle

describe("another tenant's resource gets the answer of one that does not exist", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld("440000", "110000");
  });

  type OracleProbe = {
    name: string;
    status: ApplicationStatus;
    call: (ids: { applicationId: string; lineId: string; findingId: string; version: number }) => Promise<ActionResult<unknown>>;
  };

  const BODY_PROBES: OracleProbe[] = [
    { name: "accept", status: "submitted", call: ({ applicationId, version }) => acceptApplicationAction({ applicationId, expectedVersion: version }) },
    { name: "decline", status: "submitted", call: ({ applicationId, version }) => declineApplicationAction({ applicationId, expectedVersion: version, reason: "No" }) },
    { name: "declare a conflict", status: "submitted", call: ({ applicationId }) => declareConflictAction({ applicationId, reason: "Consulted" }) },
    { name: "plan", status: "accepted", call: ({ applicationId, version }) => planReviewAction({ ...plan({ id: applicationId, version } as Application, world) }) },
    {
      name: "record the inspection",
      status: "in_review",
      call: ({ applicationId }) => recordInspectionAction({ applicationId, inspectedOn: "2026-12-10", site: "P", participants: "A", scope: "M", result: "C" }),
    },
    { name: "verify a line", status: "in_review", call: ({ applicationId, lineId }) => verifyLineAction({ applicationId, lineId, verified: true }) },
    { name: "raise a finding", status: "in_review", call: ({ applicationId }) => raiseFindingAction({ applicationId, severity: "minor", text: "T" }) },
    { name: "close a finding", status: "in_review", call: ({ applicationId, findingId }) => closeFindingAction({ applicationId, findingId }) },
    { name: "request changes", status: "in_review", call: ({ applicationId, version }) => requestChangesAction({ applicationId, expectedVersion: version }) },
    {
      name: "recommend",
      status: "in_review",
      call: ({ applicationId, version }) => recommendApplicationAction({ applicationId, expectedVersion: version, recommendation: "approve", statement: "S" }),
    },
    {
      name: "decide",
      status: "awaiting_decision",
      call: async ({ applicationId, version }) => decideApplicationAction({ applicationId, expectedVersion: version, ...(await approvalOf(applicationId)) }),
    },
  ];

  const random = () => ({ applicationId: crypto.randomUUID(), lineId: crypto.randomUUID(), findingId: crypto.randomUUID(), version: 1 });

  for (const probe of BODY_PROBES) {
    it.each(["otherBodyVerifier", "otherBodyReviewer", "otherEnterprise", "otherRegionRegulator"] as const)(`${probe.name}: %s`, async (caller) => {
      const { application, lineId } = await entrustedApplication(world, probe.status);
      const finding = await openFinding(world, application);
      actAs(world.users[caller]);
      const ids = { applicationId: application.id, lineId, findingId: finding.id, version: application.version };
      const theirs = await expectRefused(world, () => applicationRow(application.id), () => probe.call(ids), `${probe.name} as ${caller}`);
      const missing = await probe.call(random());
      expect(theirs).toEqual(missing);
    });
  }

  it.each(["otherEnterprise", "otherBodyVerifier", "verifier"] as const)("answering a finding: %s", async (caller) => {
    const { application } = await entrustedApplication(world, "changes_requested");
    const finding = await openFinding(world, application);
    actAs(world.users[caller]);
    const theirs = await expectRefused(world, () => applicationRow(application.id), () => respondToFindingAction({ findingId: finding.id, response: "R" }), "respond");
    expect(theirs).toEqual(await respondToFindingAction({ findingId: crypto.randomUUID(), response: "R" }));
  });

  const OWNER_PROBES: Array<{ name: string; status: ApplicationStatus; call: (applicationId: string) => Promise<ActionResult<unknown>> }> = [
    { name: "add a line", status: "draft", call: (applicationId) => addInventoryLineAction(lineInput(applicationId)) },
    { name: "calculate", status: "draft", call: (applicationId) => calculateApplicationAction({ applicationId }) },
    { name: "submit", status: "draft", call: (applicationId) => submitApplicationAction({ applicationId, verificationBodyId: world.body.id }) },
    { name: "withdraw", status: "submitted", call: (applicationId) => withdrawSubmissionAction({ applicationId }) },
  ];

  it.each(OWNER_PROBES)("$name: another enterprise", async (probe) => {
    const { application } = await entrustedApplication(world, probe.status);
    actAs(world.users.otherEnterprise);
    const theirs = await expectRefused(world, () => applicationRow(application.id), () => probe.call(application.id), probe.name);
    expect(theirs).toEqual(await probe.call(crypto.randomUUID()));
  });

  it.each(["otherBodyVerifier", "otherBodyReviewer", "otherRegionRegulator"] as const)("a certificate's status and surveillance: %s", async (caller) => {
    const { certificate } = await issuedCertificate(world);
    actAs(world.users[caller]);
    const snapshot = () => db.select().from(certificates).where(eq(certificates.id, certificate.id));
    const suspend = (certificateId: string) => suspendCertificateAction({ certificateId, expectedVersion: 1, reason: "R" });
    expect(await expectRefused(world, snapshot, () => suspend(certificate.id), "suspend")).toEqual(await suspend(crypto.randomUUID()));
    const survey = (certificateId: string) =>
      recordSurveillanceAction({ certificateId, expectedVersion: 1, performedOn: todayInShanghai(), result: "passed", notes: "N" });
    expect(await expectRefused(world, snapshot, () => survey(certificate.id), "surveillance")).toEqual(await survey(crypto.randomUUID()));
  });
});

// ============================================================ every step in every wrong status

describe("no workflow step runs in a status it does not belong to", () => {
  let world: World;
  const byStatus = new Map<ApplicationStatus, { application: Application; lineId: string }>();

  beforeAll(async () => {
    world = await createWorld("310000", "440000");
    for (const status of APPLICATION_STATUSES) byStatus.set(status, await entrustedApplication(world, status));
  });

  type StepDoor = (target: { application: Application; lineId: string }, user: TestUser) => Promise<{ ok: boolean; message?: string }>;
  type Step = { permission: string; statuses: readonly ApplicationStatus[]; callers: ReadonlyArray<keyof World["users"]>; action: StepDoor; operation: StepDoor };

  const asUser = (door: (target: { application: Application; lineId: string }) => Promise<ActionResult<unknown>>): StepDoor => async (target, user) => {
    actAs(user);
    return door(target);
  };
  const editable = ["draft", "changes_requested", "declined"] as const;
  const body = ["verifier", "reviewer", "offTeamVerifier"] as const;

  const STEPS: Step[] = [
    {
      permission: "inventory.edit",
      statuses: editable,
      callers: ["enterprise"],
      action: asUser(({ application }) => addInventoryLineAction(lineInput(application.id))),
      operation: ({ application }, user) => viaOperation(addInventoryLine, user, inventoryLineSchema.parse(lineInput(application.id))),
    },
    {
      permission: "application.calculate",
      statuses: editable,
      callers: ["enterprise"],
      action: asUser(({ application }) => calculateApplicationAction({ applicationId: application.id })),
      operation: ({ application }, user) => viaOperation(calculateApplication, user, { applicationId: application.id }),
    },
    {
      permission: "application.submit",
      statuses: editable,
      callers: ["enterprise"],
      action: asUser(({ application }) => submitApplicationAction({ applicationId: application.id, verificationBodyId: world.body.id })),
      operation: ({ application }, user) => viaOperation(submitApplication, user, { applicationId: application.id, verificationBodyId: world.body.id }),
    },
    {
      permission: "application.withdrawSubmission",
      statuses: ["submitted"],
      callers: ["enterprise"],
      action: asUser(({ application }) => withdrawSubmissionAction({ applicationId: application.id })),
      operation: ({ application }, user) => viaOperation(withdrawSubmission, user, { applicationId: application.id }),
    },
    {
      permission: "application.accept",
      statuses: ["submitted"],
      callers: body,
      action: asUser(({ application }) => acceptApplicationAction({ applicationId: application.id, expectedVersion: application.version })),
      operation: ({ application }, user) => viaOperation(acceptApplication, user, { applicationId: application.id, expectedVersion: application.version }),
    },
    {
      permission: "application.decline",
      statuses: ["submitted"],
      callers: body,
      action: asUser(({ application }) => declineApplicationAction({ applicationId: application.id, expectedVersion: application.version, reason: "No" })),
      operation: ({ application }, user) => viaOperation(declineApplication, user, { applicationId: application.id, expectedVersion: application.version, reason: "No" }),
    },
    {
      permission: "application.plan",
      statuses: ["accepted"],
      callers: body,
      action: asUser(({ application }) => planReviewAction(plan(application, world))),
      operation: ({ application }, user) => viaOperation(planReview, user, plan(application, world)),
    },
    {
      permission: "application.recordInspection",
      statuses: ["in_review"],
      callers: ["verifier"],
      action: asUser(({ application }) =>
        recordInspectionAction({ applicationId: application.id, inspectedOn: "2026-12-10", site: "P", participants: "A", scope: "M", result: "C" }),
      ),
      operation: ({ application }, user) =>
        viaOperation(recordInspection, user, { applicationId: application.id, inspectedOn: "2026-12-10", site: "P", participants: "A", scope: "M", result: "C" }),
    },
    {
      permission: "line.verify",
      statuses: ["in_review"],
      callers: ["verifier"],
      action: asUser(({ application, lineId }) => verifyLineAction({ applicationId: application.id, lineId, verified: true })),
      operation: ({ application, lineId }, user) => viaOperation(verifyLine, user, { applicationId: application.id, lineId, verified: true }),
    },
    {
      permission: "finding.raise",
      statuses: ["in_review"],
      callers: ["verifier"],
      action: asUser(({ application }) => raiseFindingAction({ applicationId: application.id, severity: "minor", text: "T" })),
      operation: ({ application }, user) => viaOperation(raiseFinding, user, { applicationId: application.id, severity: "minor", text: "T" }),
    },
    {
      permission: "application.requestChanges",
      statuses: ["in_review"],
      callers: ["verifier"],
      action: asUser(({ application }) => requestChangesAction({ applicationId: application.id, expectedVersion: application.version })),
      operation: ({ application }, user) => viaOperation(requestChanges, user, { applicationId: application.id, expectedVersion: application.version }),
    },
    {
      permission: "application.recommend",
      statuses: ["in_review"],
      callers: ["verifier"],
      action: asUser(({ application }) =>
        recommendApplicationAction({ applicationId: application.id, expectedVersion: application.version, recommendation: "approve", statement: "S" }),
      ),
      operation: ({ application }, user) =>
        viaOperation(recommendApplication, user, { applicationId: application.id, expectedVersion: application.version, recommendation: "approve", statement: "S" }),
    },
    {
      permission: "application.decide",
      statuses: ["awaiting_decision"],
      callers: ["reviewer"],
      action: asUser(async ({ application }) => decideApplicationAction({ applicationId: application.id, expectedVersion: application.version, ...(await approvalOf(application.id)) })),
      operation: ({ application }, user) =>
        viaOperation(decideApplication, user, { applicationId: application.id, expectedVersion: application.version, decision: "approve", reason: "" }),
    },
  ];

  for (const step of STEPS) {
    const wrong = APPLICATION_STATUSES.filter((status) => !step.statuses.includes(status));
    describe(step.permission, () => {
      for (const status of wrong) {
        for (const caller of step.callers) {
          it(`refuses ${caller} in ${status} (action and operation)`, async () => {
            const target = byStatus.get(status)!;
            const user = world.users[caller];
            await expectRefused(world, () => applicationRow(target.application.id), () => step.action(target, user), `${step.permission} ${status} action`);
            await expectRefused(world, () => applicationRow(target.application.id), () => step.operation(target, user), `${step.permission} ${status} operation`);
          });
        }
      }
    });
  }
});

afterAll(() => {
  console.log(`[authorization probes] ${tally.probes} cases (separation of duties, cross-region writes, existence oracle, wrong-status steps): ${tally.unexpectedAllows} unexpected allows`);
});
