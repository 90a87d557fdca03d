import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, auditEvents, conflictsOfInterest, inventoryLines, notifications, submissions } from "@/db/schema";
import { submitApplicationAction } from "@/lib/actions/applications/submit";
import { withdrawSubmissionAction } from "@/lib/actions/applications/withdraw";
import { canonicalDigest } from "@/lib/calc/digest";
import { loadInventorySnapshot } from "@/lib/dal/inventory-snapshot";
import { type InventorySnapshot } from "@/lib/rules/inventory-snapshot";
import { addRefrigerantLine, createCast, expectRefusedForOthers } from "../support/enterprise-cast";
import { actAs, createApplication, createOrganization } from "../support/factories";

let cast: Awaited<ReturnType<typeof createCast>>;
beforeAll(async () => {
  cast = await createCast();
});

async function completeApplication(options: Parameters<typeof createApplication>[1] = {}) {
  const application = await createApplication(cast.enterprise.id, options);
  await addRefrigerantLine(application.id);
  return application;
}

async function applicationRow(id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

describe("inventory snapshot", () => {
  it("holds the application, the product, every line with its factor version and the calculation", async () => {
    const application = await completeApplication();
    const snapshot = await loadInventorySnapshot(db, application.id);
    expect(snapshot.application).toEqual({ id: application.id, round: 0, productId: application.productId, organizationId: cast.enterprise.id });
    expect(snapshot.product).toMatchObject({ id: application.productId, systemBoundary: "cradle_to_gate", productionVolume: "10000" });
    expect(snapshot.lines.map((line) => [line.stage, line.description])).toEqual([
      ["raw_material", "Refrigerant leakage"],
      ["production", "Plant electricity"],
    ]);
    expect(snapshot.lines[1].factor).toMatchObject({ factorKey: "cn.electricity.national.2024", version: 1, unit: "kWh" });
    expect(snapshot.lines[0]).toMatchObject({ gas: "HFC-134a", factor: null, supplierFactor: null });
    expect(snapshot.gwp).toEqual({ set: "AR6", values: { "HFC-134a": { value: "1530", emissionCategory: "fossil" } } });
    expect(snapshot.calculation).toMatchObject({ ok: true, result: "6.083" });
  });
});

describe("submit (认证委托)", () => {
  it("recalculates, stores the snapshot with its SHA-256, moves to submitted, audits and notifies the body", async () => {
    const application = await completeApplication();
    actAs(cast.owner);
    const result = await submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const [submission] = await db.select().from(submissions).where(eq(submissions.id, result.data.submissionId));
    const snapshot = submission.snapshot as InventorySnapshot;
    expect(submission).toMatchObject({ round: 1, verificationBodyId: cast.body.id, submittedBy: cast.owner.id });
    expect(submission.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(submission.snapshotSha256).toBe(canonicalDigest(snapshot));
    expect(snapshot.calculation.result).toBe("6.083");
    expect(snapshot.lines).toHaveLength(2);

    const row = await applicationRow(application.id);
    expect(row).toMatchObject({ status: "submitted", round: 1, verificationBodyId: cast.body.id, latestCalculationId: submission.calculationId, resultValue: "6.083" });
    expect(row.submittedAt).not.toBeNull();

    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, application.id), eq(auditEvents.action, "application.submit")));
    expect(event).toMatchObject({ fromStatus: "draft", toStatus: "submitted", actorUserId: cast.owner.id });
    expect(event.data).toMatchObject({ round: 1, snapshotSha256: submission.snapshotSha256 });

    const [notice] = await db.select().from(notifications).where(eq(notifications.applicationId, application.id));
    expect(notice).toMatchObject({ organizationId: cast.body.id, kind: "application.submitted" });
  });

  it("refuses an incomplete inventory, changing nothing", async () => {
    // The factory's application has only production: raw materials are missing.
    const application = await createApplication(cast.enterprise.id);
    actAs(cast.owner);
    const result = await submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id });
    expect(result).toMatchObject({ ok: false, message: "applications.errors.stageEmpty?stage=raw_material&more=0" });
    expect((await applicationRow(application.id)).status).toBe("draft");
    expect(await db.select().from(submissions).where(eq(submissions.applicationId, application.id))).toHaveLength(0);
  });

  it("does not count a zero-quantity placeholder line as data for its stage", async () => {
    const application = await createApplication(cast.enterprise.id);
    const placeholder = await addRefrigerantLine(application.id);
    await db.update(inventoryLines).set({ quantity: "0" }).where(eq(inventoryLines.id, placeholder.id));
    actAs(cast.owner);
    const result = await submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id });
    expect(result).toMatchObject({ ok: false, message: "applications.errors.stageEmpty?stage=raw_material&more=0" });
    expect((await applicationRow(application.id)).status).toBe("draft");
  });

  it("refuses a body that declared a conflict of interest, and an organization that is not a body", async () => {
    const application = await completeApplication();
    const conflicted = await createOrganization("verification_body");
    await db.insert(conflictsOfInterest).values({ verificationBodyId: conflicted.id, enterpriseId: cast.enterprise.id, reason: "consulting" });
    actAs(cast.owner);
    for (const bodyId of [conflicted.id, cast.enterprise.id]) {
      expect(await submitApplicationAction({ applicationId: application.id, verificationBodyId: bodyId })).toMatchObject({
        ok: false,
        fieldErrors: { verificationBodyId: ["applications.validation.bodyNotAvailable"] },
      });
    }
    expect((await applicationRow(application.id)).status).toBe("draft");
  });

  it("refuses everyone but the owning enterprise", async () => {
    const application = await completeApplication();
    await expectRefusedForOthers(cast, () => submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id }));
    expect((await applicationRow(application.id)).status).toBe("draft");
  });

  it("lets exactly one of two concurrent submissions through", async () => {
    const application = await completeApplication();
    actAs(cast.owner);
    const results = await Promise.all([
      submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id }),
      submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ message: "applications.errors.notSubmittable" });
    expect(await db.select().from(submissions).where(eq(submissions.applicationId, application.id))).toHaveLength(1);
  });

  it("resubmits after changes are requested as the next round", async () => {
    const application = await completeApplication({ status: "changes_requested", verificationBodyId: cast.body.id });
    await db.update(applications).set({ round: 1 }).where(eq(applications.id, application.id));
    actAs(cast.owner);
    const result = await submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id });
    expect(result.ok).toBe(true);
    expect(await applicationRow(application.id)).toMatchObject({ status: "submitted", round: 2 });
    const [notice] = await db.select().from(notifications).where(eq(notifications.applicationId, application.id));
    expect(notice.kind).toBe("application.resubmitted");
  });

  it("refuses to submit again while the application is with the body", async () => {
    const application = await completeApplication({ status: "in_review", verificationBodyId: cast.body.id });
    actAs(cast.owner);
    expect(await submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id })).toMatchObject({
      ok: false,
      message: "applications.errors.notSubmittable",
    });
  });
});

describe("withdraw a submission", () => {
  it("returns a submitted application to draft, keeping the submission in the history", async () => {
    const application = await completeApplication();
    actAs(cast.owner);
    expect((await submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id })).ok).toBe(true);
    expect((await withdrawSubmissionAction({ applicationId: application.id })).ok).toBe(true);
    expect(await applicationRow(application.id)).toMatchObject({ status: "draft", verificationBodyId: null, round: 1 });
    expect(await db.select().from(submissions).where(eq(submissions.applicationId, application.id))).toHaveLength(1);
    const actions = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.applicationId, application.id)).orderBy(auditEvents.id);
    expect(actions.map((event) => event.action)).toEqual(["application.submit", "application.withdraw"]);
    // Submitting again is round 2.
    expect((await submitApplicationAction({ applicationId: application.id, verificationBodyId: cast.body.id })).ok).toBe(true);
    expect((await applicationRow(application.id)).round).toBe(2);
  });

  it("refuses once the body has accepted", async () => {
    const application = await completeApplication({ status: "accepted", verificationBodyId: cast.body.id });
    actAs(cast.owner);
    expect(await withdrawSubmissionAction({ applicationId: application.id })).toMatchObject({
      ok: false,
      message: "applications.errors.notWithdrawable",
    });
    expect((await applicationRow(application.id)).status).toBe("accepted");
  });

  it("refuses everyone but the owning enterprise", async () => {
    const application = await completeApplication({ status: "submitted", verificationBodyId: cast.body.id });
    await expectRefusedForOthers(cast, () => withdrawSubmissionAction({ applicationId: application.id }));
    expect((await applicationRow(application.id)).status).toBe("submitted");
  });
});
