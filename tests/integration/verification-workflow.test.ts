import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  applications,
  applicationTeam,
  auditEvents,
  certificates,
  conflictsOfInterest,
  findings,
  inventoryLines,
  notifications,
  onSiteInspections,
  stageTransitions,
} from "@/db/schema";
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
import { loadVerifierApplication } from "@/lib/dal/verifier-application";
import { actAs, createOrganization, createUser } from "../support/factories";
import { approvalOf, createEntrustedApplication, createVerificationParties, recordSubmissionRound } from "../support/verification-fixtures";

async function current(applicationId: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, applicationId));
  return row;
}

async function kindsNotified(organizationId: string, applicationId: string) {
  const rows = await db
    .select({ kind: notifications.kind })
    .from(notifications)
    .where(and(eq(notifications.organizationId, organizationId), eq(notifications.applicationId, applicationId)));
  return rows.map((row) => row.kind).sort();
}

describe("the verification journey", () => {
  it("accepts, plans, inspects, sends back with findings, reviews the resubmission, recommends and approves", async () => {
    const { body, verifier, reviewer, enterpriseUser } = await createVerificationParties();
    const member = await createUser("verifier", body.id);
    let application = await createEntrustedApplication(enterpriseUser, body.id);
    const id = application.id;

    actAs(verifier);
    expect(await acceptApplicationAction({ applicationId: id, expectedVersion: application.version })).toMatchObject({ ok: true, data: { status: "accepted" } });
    application = await current(id);

    const badPlan = await planReviewAction({
      applicationId: id,
      expectedVersion: application.version,
      leadVerifierId: enterpriseUser.id,
      memberIds: [],
      plannedDocumentReviewOn: "2026-12-05",
      plannedOnSiteOn: "2026-12-01",
    });
    expect(badPlan).toMatchObject({ ok: false, fieldErrors: { plannedOnSiteOn: ["verifier.errors.onSiteBeforeDocumentReview"] } });
    const outsider = await planReviewAction({
      applicationId: id,
      expectedVersion: application.version,
      leadVerifierId: enterpriseUser.id,
      memberIds: [member.id],
      plannedDocumentReviewOn: "2026-12-01",
      plannedOnSiteOn: "2026-12-05",
    });
    expect(outsider).toMatchObject({ ok: false, fieldErrors: { leadVerifierId: ["verifier.errors.notInBody"] } });
    expect(
      await planReviewAction({
        applicationId: id,
        expectedVersion: application.version,
        leadVerifierId: verifier.id,
        memberIds: [member.id],
        plannedDocumentReviewOn: "2026-12-01",
        plannedOnSiteOn: "2026-12-05",
      }),
    ).toMatchObject({ ok: true, data: { status: "in_review" } });
    application = await current(id);
    expect(application).toMatchObject({ leadVerifierId: verifier.id, reviewStage: "document_review", plannedOnSiteOn: "2026-12-05" });
    expect(await db.select().from(applicationTeam).where(eq(applicationTeam.applicationId, id))).toHaveLength(2);

    const inspection = await recordInspectionAction({
      applicationId: id,
      inspectedOn: "2026-12-05",
      site: "Xiyong plant",
      participants: "Wang Lei, Liu Yang",
      scope: "Electricity meters and invoices",
      result: "Meter readings match invoices",
    });
    expect(inspection.ok).toBe(true);
    expect(await db.select().from(onSiteInspections).where(eq(onSiteInspections.applicationId, id))).toHaveLength(1);
    expect((await current(id)).reviewStage).toBe("on_site_inspection");

    const lines = await db.select().from(inventoryLines).where(eq(inventoryLines.applicationId, id));
    const lineFinding = await raiseFindingAction({ applicationId: id, lineId: lines[0].id, severity: "major", text: "Allocation share not justified" });
    expect(lineFinding.ok).toBe(true);
    expect((await raiseFindingAction({ applicationId: id, severity: "observation", text: "Consider primary data for steel" })).ok).toBe(true);

    const productionLine = lines.find((l) => l.stage === "production")!;
    expect((await verifyLineAction({ applicationId: id, lineId: productionLine.id, verified: true })).ok).toBe(true);
    application = await current(id);
    expect(await requestChangesAction({ applicationId: id, expectedVersion: application.version })).toMatchObject({ ok: true, data: { status: "changes_requested" } });
    expect(await kindsNotified(enterpriseUser.organizationId, id)).toEqual(["applicationAccepted", "changesRequested"]);

    actAs(enterpriseUser);
    const findingId = lineFinding.ok ? lineFinding.data.findingId : "";
    expect((await respondToFindingAction({ findingId, response: "Allocation by floor area, see attached plan." })).ok).toBe(true);

    // The enterprise edits a line and resubmits (its own submit does this in the app).
    await db.update(inventoryLines).set({ quantity: "200" }).where(eq(inventoryLines.id, productionLine.id));
    await recordSubmissionRound(id, enterpriseUser.id);
    await db.update(applications).set({ status: "submitted" }).where(eq(applications.id, id));

    actAs(verifier);
    const view = await loadVerifierApplication((await getCurrentUser())!, id);
    expect(view?.roundDiff?.edited.map((edit) => edit.fields)).toEqual([["quantity"]]);
    expect(view?.roundDiff?.result.changed).toBe(true);

    application = await current(id);
    // A resubmission of a planned application goes straight back to review.
    expect(await acceptApplicationAction({ applicationId: id, expectedVersion: application.version })).toMatchObject({ ok: true, data: { status: "in_review" } });
    const [reopened] = await db.select().from(inventoryLines).where(eq(inventoryLines.id, productionLine.id));
    expect(reopened.verification).toBe("unverified"); // edited since it was verified
    expect(await closeFindingAction({ applicationId: id, findingId })).toMatchObject({ ok: true });

    application = await current(id);
    const premature = await recommendApplicationAction({ applicationId: id, expectedVersion: application.version, recommendation: "approve", statement: "Verified." });
    expect(premature).toMatchObject({ ok: false, message: "verifier.errors.unverifiedLines" });
    for (const line of lines) expect((await verifyLineAction({ applicationId: id, lineId: line.id, verified: true })).ok).toBe(true);
    expect((await current(id)).reviewStage).toBe("pcf_verification");
    expect(
      await recommendApplicationAction({
        applicationId: id,
        expectedVersion: application.version,
        recommendation: "approve",
        statement: "The inventory is complete; allocation justified; footprint verified.",
      }),
    ).toMatchObject({ ok: true, data: { status: "awaiting_decision" } });

    application = await current(id);
    actAs(reviewer);
    const decision = await decideApplicationAction({ applicationId: id, expectedVersion: application.version, ...(await approvalOf(id)) });
    expect(decision).toMatchObject({ ok: true, data: { status: "certified" } });
    expect(await current(id)).toMatchObject({ status: "certified", reviewerId: reviewer.id });
    expect(await db.select().from(certificates).where(eq(certificates.applicationId, id))).toHaveLength(1);
    expect(await kindsNotified(enterpriseUser.organizationId, id)).toEqual([
      "applicationAccepted",
      "applicationAccepted",
      "certificateIssued",
      "changesRequested",
    ]);
    const trail = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.applicationId, id)).orderBy(auditEvents.id);
    expect(trail.map((event) => event.action)).toEqual(
      expect.arrayContaining(["application.accept", "application.plan", "inspection.record", "finding.raise", "finding.respond", "finding.close", "line.verify", "application.recommend", "application.approve", "certificate.issue"]),
    );
  });

  it("needs an open finding to send back, and a reason to reject; rejection notifies the enterprise", async () => {
    const { body, verifier, reviewer, enterpriseUser } = await createVerificationParties();
    const inReview = await createEntrustedApplication(enterpriseUser, body.id, { status: "in_review", leadVerifierId: verifier.id });
    actAs(verifier);
    expect(await requestChangesAction({ applicationId: inReview.id, expectedVersion: inReview.version })).toMatchObject({ ok: false, message: "verifier.errors.noOpenFindings" });

    const awaiting = await createEntrustedApplication(enterpriseUser, body.id, { status: "awaiting_decision", leadVerifierId: verifier.id });
    actAs(reviewer);
    expect(await decideApplicationAction({ applicationId: awaiting.id, expectedVersion: awaiting.version, decision: "reject", reason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["verifier.errors.rejectionNeedsReason"] },
    });
    expect(await decideApplicationAction({ applicationId: awaiting.id, expectedVersion: awaiting.version, decision: "reject", reason: "Data cannot be traced" })).toMatchObject({
      ok: true,
      data: { status: "rejected" },
    });
    expect(await current(awaiting.id)).toMatchObject({ status: "rejected", decisionReason: "Data cannot be traced" });
    expect(await kindsNotified(enterpriseUser.organizationId, awaiting.id)).toEqual(["applicationRejected"]);
  });

  it("declines with a reason the enterprise sees", async () => {
    const { body, verifier, enterpriseUser } = await createVerificationParties();
    const application = await createEntrustedApplication(enterpriseUser, body.id);
    actAs(verifier);
    expect(await declineApplicationAction({ applicationId: application.id, expectedVersion: application.version, reason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["validation.required"] },
    });
    expect((await declineApplicationAction({ applicationId: application.id, expectedVersion: application.version, reason: "No auditor for this sector" })).ok).toBe(true);
    expect(await current(application.id)).toMatchObject({ status: "declined", declineReason: "No auditor for this sector" });
    expect(await kindsNotified(enterpriseUser.organizationId, application.id)).toEqual(["applicationDeclined"]);
  });
});

describe("impartiality", () => {
  it("refuses to accept the body's own organization's product", async () => {
    const body = await createOrganization("verification_body");
    const verifier = await createUser("verifier", body.id);
    // An application owned by the body's own organization (as if it certified itself).
    const application = await createEntrustedApplication({ id: verifier.id, organizationId: body.id }, body.id);
    actAs(verifier);
    expect(await acceptApplicationAction({ applicationId: application.id, expectedVersion: application.version })).toMatchObject({
      ok: false,
      message: "verifier.errors.ownOrganization",
    });
    expect((await current(application.id)).status).toBe("submitted");
  });

  it("refuses to accept after declaring a conflict of interest with the enterprise", async () => {
    const { body, verifier, enterpriseUser } = await createVerificationParties();
    const application = await createEntrustedApplication(enterpriseUser, body.id);
    actAs(verifier);
    expect((await declareConflictAction({ applicationId: application.id, reason: "Consulted for this enterprise in 2025" })).ok).toBe(true);
    const [declared] = await db.select().from(conflictsOfInterest).where(eq(conflictsOfInterest.verificationBodyId, body.id));
    expect(declared).toMatchObject({ enterpriseId: enterpriseUser.organizationId, declaredBy: verifier.id });
    expect(await acceptApplicationAction({ applicationId: application.id, expectedVersion: application.version })).toMatchObject({
      ok: false,
      message: "verifier.errors.conflictOfInterest",
    });
    expect((await current(application.id)).status).toBe("submitted");
  });

  it("refuses the lead verifier's own decision, even as a reviewer", async () => {
    const { body, enterpriseUser } = await createVerificationParties();
    const leadReviewer = await createUser("reviewer", body.id);
    const application = await createEntrustedApplication(enterpriseUser, body.id, { status: "awaiting_decision", leadVerifierId: leadReviewer.id });
    actAs(leadReviewer);
    expect(await decideApplicationAction({ applicationId: application.id, expectedVersion: application.version, ...(await approvalOf(application.id)) })).toMatchObject({
      ok: false,
      message: "verifier.errors.leadCannotDecide",
    });
    expect((await current(application.id)).status).toBe("awaiting_decision");
  });
});

describe("concurrent decisions", () => {
  it("lets exactly one of 50 simultaneous approvals through: one transition, one audit event, one certificate", async () => {
    const { body, verifier, reviewer, enterpriseUser } = await createVerificationParties();
    const application = await createEntrustedApplication(enterpriseUser, body.id, { status: "awaiting_decision", leadVerifierId: verifier.id });
    actAs(reviewer);
    const approval = await approvalOf(application.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        decideApplicationAction({ applicationId: application.id, expectedVersion: application.version, ...approval }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const refused of results.filter((result) => !result.ok)) expect(refused.message).toBe("errors.conflict");

    const transitions = await db
      .select()
      .from(stageTransitions)
      .where(and(eq(stageTransitions.applicationId, application.id), eq(stageTransitions.toStatus, "certified")));
    expect(transitions).toHaveLength(1);
    const approvals = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.applicationId, application.id), eq(auditEvents.action, "application.approve")));
    expect(approvals).toHaveLength(1);
    expect(await db.select().from(certificates).where(eq(certificates.applicationId, application.id))).toHaveLength(1);
    expect(await current(application.id)).toMatchObject({ status: "certified", version: application.version + 1 });
  });
});

describe("findings stay the body's record", () => {
  it("keeps an open finding open when the body does not close it", async () => {
    const { body, verifier, enterpriseUser } = await createVerificationParties();
    const application = await createEntrustedApplication(enterpriseUser, body.id, { status: "in_review", leadVerifierId: verifier.id });
    actAs(verifier);
    // The form's empty line choice means the application as a whole.
    const raised = await raiseFindingAction({ applicationId: application.id, lineId: "", severity: "minor", text: "Round meter readings" });
    expect(raised.ok).toBe(true);
    const [finding] = await db.select().from(findings).where(eq(findings.applicationId, application.id));
    expect(finding).toMatchObject({ status: "open", round: 1, severity: "minor", lineId: null });
    expect(await closeFindingAction({ applicationId: application.id, findingId: finding.id })).toMatchObject({ ok: true });
    expect(await closeFindingAction({ applicationId: application.id, findingId: finding.id })).toMatchObject({ ok: false, message: "errors.conflict" });
  });
});
