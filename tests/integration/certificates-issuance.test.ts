import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, benchmarks, certificates, emissionFactors, notifications } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { Decimal } from "@/lib/calc/decimal";
import { canonicalDigest } from "@/lib/calc/digest";
import { isCertificateNumberFormat } from "@/lib/certificates/number";
import { expiryDateFor, nextSurveillanceDue, todayInShanghai } from "@/lib/certificates/validity";
import type { CertificateSnapshot } from "@/lib/rules/certificate-snapshot";
import { issueCertificate } from "@/lib/domain/certificates/issue-certificate";
import {
  actorFor,
  createApplicationAwaitingDecision,
  createCategory,
  createIssuedCertificate,
} from "../support/certificate-fixtures";

describe("issueCertificate", () => {
  it("issues a graded, frozen, digested certificate, audits it and notifies the enterprise", async () => {
    const probe = await createApplicationAwaitingDecision();
    // A benchmark 1.25 × the footprint: ratio 0.8, level 2 of the default thresholds.
    const categoryId = await createCategory({ value: new Decimal(probe.result).times("1.25").toFixed() });
    const { certificate, application, enterprise, body, reviewer, verifier, result } = await createIssuedCertificate({
      categoryId,
    });

    const today = todayInShanghai();
    expect(isCertificateNumberFormat(certificate.number)).toBe(true);
    expect(certificate.number.startsWith(`CFP-CQ-${today.slice(0, 4)}-`)).toBe(true);
    expect(certificate).toMatchObject({
      applicationId: application.id,
      organizationId: enterprise.id,
      verificationBodyId: body.id,
      categoryId,
      value: result,
      grade: 2,
      status: "valid",
      issuedOn: today,
      expiresOn: expiryDateFor(today),
      nextSurveillanceDue: nextSurveillanceDue(today),
      enterpriseName: enterprise.name,
    });
    expect(new Decimal(certificate.ratio!).toFixed(6)).toBe("0.800000");

    const snapshot = certificate.snapshot as CertificateSnapshot;
    expect(certificate.snapshotSha256).toBe(canonicalDigest(snapshot));
    expect(snapshot).toMatchObject({
      number: certificate.number,
      grade: 2,
      leadVerifier: { id: verifier.id },
      reviewer: { id: reviewer.id },
      verificationBody: { id: body.id, name: body.name },
      benchmark: { version: 1, thresholds: [0.7, 0.85, 1, 1.15] },
    });
    expect(snapshot.inventory.lines.find((line) => line.factor)?.factor).toMatchObject({ factorKey: "cn.electricity.national.2024", version: 1 });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.certificateId, certificate.id)).orderBy(auditEvents.id);
    expect(events.map((event) => [event.action, event.toStatus])).toEqual([["certificate.issue", "valid"]]);
    const notes = await db.select().from(notifications).where(eq(notifications.certificateId, certificate.id));
    expect(notes).toMatchObject([{ organizationId: enterprise.id, kind: "certificateIssued" }]);
  });

  it("gives no grade when the category has no benchmark in force", async () => {
    const categoryId = await createCategory({ value: "1", effectiveFrom: "2999-01-01" });
    const { certificate } = await createIssuedCertificate({ categoryId });
    expect(certificate).toMatchObject({ grade: null, ratio: null, benchmarkId: null });
    expect((certificate.snapshot as CertificateSnapshot).benchmark).toBeNull();
  });

  it("issues exactly once: a second call is refused", async () => {
    const { application, reviewer } = await createIssuedCertificate();
    const actor = await actorFor(reviewer);
    await expect(
      db.transaction((tx) => issueCertificate(tx, actor, { applicationId: application.id })),
    ).rejects.toBeInstanceOf(ConflictError);
    const rows = await db.select().from(certificates).where(eq(certificates.applicationId, application.id));
    expect(rows).toHaveLength(1);
  });

  it("issues exactly once when two approvals race", async () => {
    const { application, reviewer } = await createApplicationAwaitingDecision();
    const actor = await actorFor(reviewer);
    const attempts = await Promise.allSettled(
      [0, 1].map(() => db.transaction((tx) => issueCertificate(tx, actor, { applicationId: application.id }))),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((attempt) => attempt.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(ConflictError);
    const rows = await db.select().from(certificates).where(eq(certificates.applicationId, application.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses an application that is not being approved", async () => {
    const { application, reviewer } = await createApplicationAwaitingDecision();
    await db.update(applications).set({ status: "in_review" }).where(eq(applications.id, application.id));
    const actor = await actorFor(reviewer);
    await expect(
      db.transaction((tx) => issueCertificate(tx, actor, { applicationId: application.id })),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps value and grade when factors and benchmarks change after issuance", async () => {
    const probe = await createApplicationAwaitingDecision();
    const categoryId = await createCategory({ value: new Decimal(probe.result).times("1.25").toFixed() });
    const { certificate } = await createIssuedCertificate({ categoryId });

    // A stricter benchmark version and an edited factor value must not reach the issued certificate.
    await db.insert(benchmarks).values({
      categoryId,
      version: 2,
      value: new Decimal(probe.result).times("0.5").toFixed(),
      declaredUnit: "piece",
      source: "Stricter test benchmark",
      effectiveFrom: "2020-01-02",
      thresholds: [0.7, 0.85, 1, 1.15],
    });
    const snapshot = certificate.snapshot as CertificateSnapshot;
    const factorId = snapshot.inventory.lines.find((line) => line.factor)!.factor!.id;
    const [factorBefore] = await db.select().from(emissionFactors).where(eq(emissionFactors.id, factorId));
    // Published factors are immutable (trigger emission_factors_no_edit); bypass it as a superuser would, to prove the snapshot holds.
    const forceFactorValue = (value: string) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`alter table emission_factors disable trigger emission_factors_no_edit`);
        await tx.update(emissionFactors).set({ value }).where(eq(emissionFactors.id, factorId));
        await tx.execute(sql`alter table emission_factors enable trigger emission_factors_no_edit`);
      });
    await forceFactorValue("9.99");
    try {
      const [after] = await db.select().from(certificates).where(eq(certificates.id, certificate.id));
      expect(after).toMatchObject({ value: certificate.value, grade: 2, snapshotSha256: certificate.snapshotSha256 });
      expect(canonicalDigest(after.snapshot)).toBe(certificate.snapshotSha256);
      expect((after.snapshot as CertificateSnapshot).inventory.lines.find((line) => line.factor)!.factor!.value).toBe(factorBefore.value);
    } finally {
      await forceFactorValue(factorBefore.value);
    }
  });
});
