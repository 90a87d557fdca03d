import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, certificates, inventoryLines, surveillanceRecords } from "@/db/schema";
import { recertifyAction } from "@/lib/actions/certificates/recertify";
import { recordSurveillanceAction } from "@/lib/actions/certificates/record-surveillance";
import { reinstateCertificateAction } from "@/lib/actions/certificates/reinstate-certificate";
import { suspendCertificateAction } from "@/lib/actions/certificates/suspend-certificate";
import { withdrawCertificateAction } from "@/lib/actions/certificates/withdraw-certificate";
import { addDays, addYears, todayInShanghai } from "@/lib/certificates/validity";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listManagedCertificates } from "@/lib/dal/certificates";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { createIssuedCertificate } from "../support/certificate-fixtures";
import { actAs, createOrganization, createUser } from "../support/factories";

async function currentRow(id: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  return row;
}

describe("suspend, reinstate, withdraw", () => {
  it("lets the certificate's body suspend and reinstate, and the region's regulator withdraw, each audited", async () => {
    const { certificate, verifier } = await createIssuedCertificate();
    const regulator = await createUser("regulator", (await createOrganization("regulator", { region: "500000" })).id);

    actAs(verifier);
    const suspended = await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Label misused" });
    expect(suspended).toMatchObject({ ok: true, data: { status: "suspended", version: 2 } });
    expect(await findPublicCertificate(certificate.number)).toMatchObject({ status: "suspended", statusReason: "Label misused" });

    const reinstated = await reinstateCertificateAction({ certificateId: certificate.id, expectedVersion: 2, reason: "" });
    expect(reinstated).toMatchObject({ ok: true, data: { status: "valid", version: 3 } });
    expect(await findPublicCertificate(certificate.number)).toMatchObject({ status: "valid", statusReason: null });

    actAs(regulator);
    const withdrawn = await withdrawCertificateAction({ certificateId: certificate.id, expectedVersion: 3, reason: "Fraud" });
    expect(withdrawn).toMatchObject({ ok: true, data: { status: "withdrawn" } });
    // Withdrawal is final.
    const again = await reinstateCertificateAction({ certificateId: certificate.id, expectedVersion: 4, reason: "" });
    expect(again).toMatchObject({ ok: false, message: "certificates.errors.notAllowedInStatus" });

    const events = await db.select().from(auditEvents).where(eq(auditEvents.certificateId, certificate.id)).orderBy(auditEvents.id);
    expect(events.map((event) => [event.action, event.fromStatus, event.toStatus])).toEqual([
      ["certificate.issue", null, "valid"],
      ["certificate.suspend", "valid", "suspended"],
      ["certificate.reinstate", "suspended", "valid"],
      ["certificate.withdraw", "valid", "withdrawn"],
    ]);
  });

  it("refuses suspension by the enterprise, another body, another region's regulator, an admin and anonymous", async () => {
    const { certificate, enterpriseUser } = await createIssuedCertificate();
    const otherBodyVerifier = await createUser("verifier");
    const otherRegionRegulator = await createUser("regulator", (await createOrganization("regulator", { region: "510000", district: null })).id);
    const admin = await createUser("admin");
    const input = { certificateId: certificate.id, expectedVersion: 1, reason: "Not yours" };

    actAs(enterpriseUser);
    expect(await suspendCertificateAction(input)).toMatchObject({ ok: false, message: "errors.forbidden" });
    actAs(admin);
    expect(await suspendCertificateAction(input)).toMatchObject({ ok: false, message: "errors.forbidden" });
    actAs(otherBodyVerifier);
    expect(await suspendCertificateAction(input)).toMatchObject({ ok: false, message: "certificates.errors.notFound" });
    actAs(otherRegionRegulator);
    expect(await withdrawCertificateAction(input)).toMatchObject({ ok: false, message: "certificates.errors.notFound" });
    actAs(null);
    expect(await suspendCertificateAction(input)).toMatchObject({ ok: false, message: "errors.unauthenticated" });

    expect(await currentRow(certificate.id)).toMatchObject({ status: "valid", version: 1 });
  });

  it("requires a reason to suspend, next to the field", async () => {
    const { certificate, reviewer } = await createIssuedCertificate();
    actAs(reviewer);
    const result = await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "  " });
    expect(result).toMatchObject({ ok: false, fieldErrors: { reason: ["validation.required"] } });
  });

  it("lets exactly one of two concurrent changes through, and refuses a stale version", async () => {
    const { certificate, verifier, reviewer } = await createIssuedCertificate();
    actAs(verifier);
    const first = suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "A" });
    actAs(reviewer);
    const second = withdrawCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "B" });
    const results = await Promise.all([first, second]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ message: "certificates.errors.conflict" });
    expect((await currentRow(certificate.id)).version).toBe(2);
  });

  it("shows an expired certificate as expired even while the stored row says valid, and refuses to suspend it", async () => {
    const { certificate, verifier } = await createIssuedCertificate();
    await db.update(certificates).set({ expiresOn: "2020-01-01" }).where(eq(certificates.id, certificate.id));
    expect(await findPublicCertificate(certificate.number)).toMatchObject({ status: "expired" });
    actAs(verifier);
    const result = await suspendCertificateAction({ certificateId: certificate.id, expectedVersion: 1, reason: "Late" });
    expect(result).toMatchObject({ ok: false, message: "certificates.errors.notAllowedInStatus" });
  });
});

describe("surveillance", () => {
  it("passed moves the next due date a year on; failed suspends with the notes as reason", async () => {
    const { certificate, verifier } = await createIssuedCertificate();
    actAs(verifier);
    const passed = await recordSurveillanceAction({
      certificateId: certificate.id,
      expectedVersion: 1,
      performedOn: todayInShanghai(),
      result: "passed",
      notes: "Production unchanged",
    });
    expect(passed).toMatchObject({ ok: true, data: { status: "valid", version: 2 } });
    expect((await currentRow(certificate.id)).nextSurveillanceDue).toBe(addYears(certificate.nextSurveillanceDue, 1));

    const failed = await recordSurveillanceAction({
      certificateId: certificate.id,
      expectedVersion: 2,
      performedOn: todayInShanghai(),
      result: "failed",
      notes: "Supplier changed without notice",
    });
    expect(failed).toMatchObject({ ok: true, data: { status: "suspended" } });
    expect(await currentRow(certificate.id)).toMatchObject({ status: "suspended", statusReason: "Supplier changed without notice" });
    const records = await db.select().from(surveillanceRecords).where(eq(surveillanceRecords.certificateId, certificate.id));
    expect(records.map((record) => record.result).sort()).toEqual(["failed", "passed"]);
  });

  it("is refused to the regulator, another body and the enterprise, and for a future date", async () => {
    const { certificate, enterpriseUser, verifier } = await createIssuedCertificate();
    const regulator = await createUser("regulator", (await createOrganization("regulator", { region: "500000" })).id);
    const input = { certificateId: certificate.id, expectedVersion: 1, performedOn: todayInShanghai(), result: "passed" as const, notes: "x" };
    actAs(regulator);
    expect(await recordSurveillanceAction(input)).toMatchObject({ ok: false, message: "errors.forbidden" });
    actAs(enterpriseUser);
    expect(await recordSurveillanceAction(input)).toMatchObject({ ok: false, message: "errors.forbidden" });
    actAs(await createUser("reviewer"));
    expect(await recordSurveillanceAction(input)).toMatchObject({ ok: false, message: "certificates.errors.notFound" });
    actAs(verifier);
    const future = await recordSurveillanceAction({ ...input, performedOn: addYears(todayInShanghai(), 1) });
    expect(future).toMatchObject({ ok: false, fieldErrors: { performedOn: ["certificates.errors.futureDate"] } });
    expect(await currentRow(certificate.id)).toMatchObject({ version: 1 });
  });
});

describe("overdue surveillance", () => {
  it("flags a certificate more than 30 days late to its body and its region's regulator, not one 30 days late", async () => {
    const late = await createIssuedCertificate();
    const onTime = await createIssuedCertificate();
    const today = todayInShanghai();
    await db.update(certificates).set({ nextSurveillanceDue: addDays(today, -31) }).where(eq(certificates.id, late.certificate.id));
    await db.update(certificates).set({ nextSurveillanceDue: addDays(today, -30) }).where(eq(certificates.id, onTime.certificate.id));
    const regulator = await createUser("regulator", (await createOrganization("regulator", { region: "500000" })).id);

    for (const user of [late.verifier, regulator]) {
      actAs(user);
      const viewer = (await getCurrentUser())!;
      const overdue = await listManagedCertificates(viewer, "overdue", 1);
      expect(overdue.rows.map((row) => row.id)).toContain(late.certificate.id);
      expect(overdue.rows.map((row) => row.id)).not.toContain(onTime.certificate.id);
      expect(overdue.rows.find((row) => row.id === late.certificate.id)?.surveillanceOverdue).toBe(true);
      expect(overdue.overdueCount).toBeGreaterThanOrEqual(1);
    }
    actAs(onTime.verifier);
    const otherBody = await listManagedCertificates((await getCurrentUser())!, "all", 1);
    expect(otherBody.rows.map((row) => row.id)).toEqual([onTime.certificate.id]);
    expect(otherBody.rows[0].surveillanceOverdue).toBe(false);
  });
});

describe("re-certification", () => {
  it("opens one linked draft application with the certified inventory copied, for the owning enterprise only", async () => {
    const { certificate, enterpriseUser, verifier } = await createIssuedCertificate();
    actAs(verifier);
    expect(await recertifyAction({ certificateId: certificate.id })).toMatchObject({ ok: false, message: "errors.forbidden" });
    actAs(await createUser("enterprise"));
    expect(await recertifyAction({ certificateId: certificate.id })).toMatchObject({ ok: false, message: "certificates.errors.notFound" });

    actAs(enterpriseUser);
    const result = await recertifyAction({ certificateId: certificate.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [renewal] = await db.select().from(applications).where(eq(applications.id, result.data.applicationId));
    expect(renewal).toMatchObject({ status: "draft", productId: certificate.productId, previousCertificateId: certificate.id });
    const copied = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, renewal.id));
    const original = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, certificate.applicationId));
    expect(copied.map((line) => [line.stage, line.quantity, line.factorId]).sort()).toEqual(
      original.map((line) => [line.stage, line.quantity, line.factorId]).sort(),
    );
    expect(copied.every((line) => line.verification === "unverified")).toBe(true);

    expect(await recertifyAction({ certificateId: certificate.id })).toMatchObject({
      ok: false,
      message: "certificates.errors.recertifyNotAllowed",
    });
    actAs(null);
    expect(await recertifyAction({ certificateId: certificate.id })).toMatchObject({ ok: false, message: "errors.unauthenticated" });
  });
});
