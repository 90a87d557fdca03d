/**
 * The operations guard themselves: called directly (as the demo seed, a route
 * handler or a job does), without any server action in front, they refuse the
 * wrong caller and leave the database as it was.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, benchmarks, certificates, emissionFactors, organizations, pilotTargets, users } from "@/db/schema";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { createBenchmarkVersion } from "@/lib/domain/benchmarks/create-benchmark-version";
import { suspendCertificate } from "@/lib/domain/certificates/suspend-certificate";
import { addFactorVersion } from "@/lib/domain/factors/add-factor-version";
import { executeOperation } from "@/lib/domain/operation";
import { createOrganization as createOrganizationOperation } from "@/lib/domain/organizations/create-organization";
import { registerEnterprise } from "@/lib/domain/organizations/register-enterprise";
import { createPilotTarget } from "@/lib/domain/targets/create-pilot-target";
import { createUser as createUserOperation } from "@/lib/domain/users/create-user";
import { planReview } from "@/lib/domain/verification/plan-review";
import { systemActor } from "@/lib/policy";
import { actorFor, createIssuedCertificate } from "../support/certificate-fixtures";
import { createUser, randomCreditCode } from "../support/factories";
import { createEntrustedApplication, createVerificationParties } from "../support/verification-fixtures";

const benchmarkInput = {
  categoryId: "desktop",
  value: "250",
  source: "Direct-call test",
  effectiveFrom: "2026-07-01",
  thresholds: "0.7, 0.85, 1, 1.15",
};

const factorInput = {
  factorKey: `test.direct.${crypto.randomUUID().slice(0, 8)}`,
  nameZh: "测试因子",
  nameEn: "Test factor",
  category: "energy",
  value: "0.5",
  unit: "kWh",
  // A regional factor: the region's regulator keeps it (national ones are the operator's).
  region: "500000",
  year: 2026,
  source: "Direct-call test",
  gwpBasis: "AR6" as const,
  emissionCategory: "fossil" as const,
};

describe("operations called directly", () => {
  it("refuse an anonymous caller and the wrong role for verification work", async () => {
    const { body, verifier, enterpriseUser } = await createVerificationParties();
    const application = await createEntrustedApplication(enterpriseUser, body.id, { status: "accepted" });
    const plan = {
      applicationId: application.id,
      expectedVersion: application.version,
      leadVerifierId: verifier.id,
      memberIds: [],
      plannedDocumentReviewOn: "2026-12-01",
      plannedOnSiteOn: "2026-12-05",
    };
    expect(await executeOperation(planReview, null, plan)).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });
    expect(await executeOperation(planReview, await actorFor(enterpriseUser), plan)).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    expect(await executeOperation(planReview, systemActor("test"), plan)).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    const [unchanged] = await db.select().from(applications).where(eq(applications.id, application.id));
    expect(unchanged).toMatchObject({ status: "accepted", version: application.version, leadVerifierId: null });

    expect(await executeOperation(planReview, await actorFor(verifier), plan)).toMatchObject({ ok: true, data: { status: "in_review" } });
  });

  it("refuse the system actor a certificate change only people make", async () => {
    const { certificate } = await createIssuedCertificate();
    const outcome = await executeOperation(suspendCertificate, systemActor("test"), { certificateId: certificate.id, expectedVersion: 1, reason: "x" });
    expect(outcome).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    const [row] = await db.select().from(certificates).where(eq(certificates.id, certificate.id));
    expect(row).toMatchObject({ status: "valid", version: 1 });
  });

  it("keep the regulator's settings to the regulator", async () => {
    for (const role of ["enterprise", "verifier", "reviewer", "admin"] as const) {
      const actor = await actorFor(await createUser(role));
      expect(await executeOperation(createBenchmarkVersion, actor, benchmarkInput)).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
      expect(await executeOperation(addFactorVersion, actor, factorInput)).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
      expect(
        await executeOperation(createPilotTarget, actor, { title: "T", categoryId: undefined, metric: "certificates_issued", targetCount: 5, deadline: "2026-12-31" }),
      ).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    }
    expect(await executeOperation(createBenchmarkVersion, null, benchmarkInput)).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });
    expect(await db.select().from(benchmarks).where(eq(benchmarks.source, benchmarkInput.source))).toEqual([]);
    expect(await db.select().from(emissionFactors).where(eq(emissionFactors.factorKey, factorInput.factorKey))).toEqual([]);
    expect(await db.select().from(pilotTargets).where(eq(pilotTargets.title, "T"))).toEqual([]);
  });

  it("keep organizations and users to the operator", async () => {
    const regulator = await actorFor(await createUser("regulator"));
    const name = `假冒认证中心 ${crypto.randomUUID().slice(0, 8)}`;
    expect(
      await executeOperation(createOrganizationOperation, regulator, { kind: "verification_body", name, region: "500000", district: "500112" }),
    ).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    const email = `direct-${crypto.randomUUID()}@example.com`;
    const newUser = { organizationId: regulator.organizationId, name: "X", email, role: "regulator" as const, passwordHash: "not-a-hash" };
    expect(await executeOperation(createUserOperation, regulator, newUser)).toMatchObject({ ok: false, error: expect.any(ForbiddenError) });
    expect(await executeOperation(createUserOperation, null, newUser)).toMatchObject({ ok: false, error: expect.any(UnauthenticatedError) });
    expect(await db.select().from(organizations).where(eq(organizations.name, name))).toEqual([]);
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("let an anonymous visitor register an enterprise, and only an enterprise", async () => {
    const email = `founder-${crypto.randomUUID()}@example.com`;
    const outcome = await executeOperation(registerEnterprise, null, {
      name: "刘洋",
      email,
      mobile: "13800138000",
      consent: true,
      passwordHash: "argon2-hash-made-by-the-adapter",
      organizationName: "重庆直连测试有限公司",
      creditCode: randomCreditCode(),
      region: "500000",
      district: "500106",
    });
    expect(outcome).toMatchObject({ ok: true, data: { redirectTo: "/enterprise" } });
    const [user] = await db
      .select({ role: users.role, kind: organizations.kind })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(eq(users.email, email));
    expect(user).toEqual({ role: "enterprise", kind: "enterprise" });
  });
});
