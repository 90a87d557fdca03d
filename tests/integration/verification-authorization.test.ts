import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, findings, inventoryLines, notifications, type ApplicationStatus } from "@/db/schema";
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
import type { ActionResult } from "@/lib/result";
import { listBodyQueue } from "@/lib/dal/verifier-queue";
import { getCurrentUser } from "@/lib/auth/current-user";
import { actAs, createOrganization, createUser } from "../support/factories";
import { approvalOf, createEntrustedApplication, createVerificationParties } from "../support/verification-fixtures";

type Parties = Awaited<ReturnType<typeof createVerificationParties>>;
type Attempt = {
  name: string;
  status: ApplicationStatus;
  call: (application: { id: string; version: number }, parties: Parties, extra: { lineId: string; findingId: string }) => Promise<ActionResult<unknown>>;
};

const ATTEMPTS: Attempt[] = [
  { name: "accept", status: "submitted", call: (a) => acceptApplicationAction({ applicationId: a.id, expectedVersion: a.version }) },
  { name: "decline", status: "submitted", call: (a) => declineApplicationAction({ applicationId: a.id, expectedVersion: a.version, reason: "No capacity" }) },
  {
    name: "plan",
    status: "accepted",
    call: (a, p) =>
      planReviewAction({
        applicationId: a.id,
        expectedVersion: a.version,
        leadVerifierId: p.verifier.id,
        memberIds: [],
        plannedDocumentReviewOn: "2026-12-01",
        plannedOnSiteOn: "2026-12-10",
      }),
  },
  {
    name: "record inspection",
    status: "in_review",
    call: (a) =>
      recordInspectionAction({ applicationId: a.id, inspectedOn: "2026-12-10", site: "Plant", participants: "A, B", scope: "Meters", result: "Conforms" }),
  },
  { name: "verify line", status: "in_review", call: (a, _p, x) => verifyLineAction({ applicationId: a.id, lineId: x.lineId, verified: true }) },
  { name: "raise finding", status: "in_review", call: (a) => raiseFindingAction({ applicationId: a.id, severity: "major", text: "Missing invoices" }) },
  { name: "close finding", status: "in_review", call: (a, _p, x) => closeFindingAction({ applicationId: a.id, findingId: x.findingId }) },
  { name: "request changes", status: "in_review", call: (a) => requestChangesAction({ applicationId: a.id, expectedVersion: a.version }) },
  {
    name: "recommend",
    status: "in_review",
    call: (a) => recommendApplicationAction({ applicationId: a.id, expectedVersion: a.version, recommendation: "approve", statement: "Verified." }),
  },
  { name: "decide", status: "awaiting_decision", call: async (a) => decideApplicationAction({ applicationId: a.id, expectedVersion: a.version, ...(await approvalOf(a.id)) }) },
  { name: "declare conflict", status: "submitted", call: (a) => declareConflictAction({ applicationId: a.id, reason: "Shareholding" }) },
];

async function prepare(status: ApplicationStatus) {
  const parties = await createVerificationParties();
  const application = await createEntrustedApplication(parties.enterpriseUser, parties.body.id, {
    status,
    leadVerifierId: parties.verifier.id,
    linesVerified: true,
  });
  const [line] = await db.select({ id: inventoryLines.id }).from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
  const [finding] = await db
    .insert(findings)
    .values({ applicationId: application.id, round: 1, severity: "minor", text: "Check meter", raisedBy: parties.verifier.id })
    .returning();
  return { parties, application, extra: { lineId: line.id, findingId: finding.id } };
}

async function snapshotOf(applicationId: string) {
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const lines = await db.select({ verification: inventoryLines.verification }).from(inventoryLines).where(eq(inventoryLines.applicationId, applicationId));
  const findingRows = await db.select({ status: findings.status }).from(findings).where(eq(findings.applicationId, applicationId));
  return { version: application.version, status: application.status, lines, findingCount: findingRows.length, findingRows };
}

describe("every verifier action refuses outsiders", () => {
  it.each(ATTEMPTS)("$name: refused for the enterprise, another body's verifier and reviewer, a regulator and anonymous", async (attempt) => {
    const { parties, application, extra } = await prepare(attempt.status);
    const otherBody = await createOrganization("verification_body");
    const callers = [
      parties.enterpriseUser,
      await createUser("verifier", otherBody.id),
      await createUser("reviewer", otherBody.id),
      await createUser("regulator"),
      null,
    ];
    const before = await snapshotOf(application.id);
    for (const caller of callers) {
      actAs(caller);
      const result = await attempt.call(application, parties, extra);
      expect(result.ok, `${caller?.role ?? "anonymous"} must be refused`).toBe(false);
      // Another body's staff get "not found", the answer for an id that does not exist (issue 11, defect 8).
      expect(["errors.forbidden", "errors.notFound", "errors.unauthenticated"]).toContain(result.message);
    }
    expect(await snapshotOf(application.id)).toEqual(before);
  });

  it("lets the enterprise alone answer its findings, and only while sent back", async () => {
    const { parties, application, extra } = await prepare("changes_requested");
    const otherBody = await createOrganization("verification_body");
    for (const caller of [parties.verifier, await createUser("enterprise"), await createUser("verifier", otherBody.id), await createUser("regulator"), null]) {
      actAs(caller);
      expect((await respondToFindingAction({ findingId: extra.findingId, response: "Fixed" })).ok).toBe(false);
    }
    actAs(parties.enterpriseUser);
    expect(await respondToFindingAction({ findingId: extra.findingId, response: "Meter photos uploaded." })).toMatchObject({ ok: true });
    const [finding] = await db.select().from(findings).where(eq(findings.id, extra.findingId));
    expect(finding.response).toBe("Meter photos uploaded.");
    const bodyNotices = await db.select().from(notifications).where(eq(notifications.applicationId, application.id));
    expect(bodyNotices).toEqual([expect.objectContaining({ organizationId: parties.body.id, kind: "findingAnswered" })]);
  });
});

describe("the queue is scoped to the body", () => {
  it("shows the body its entrusted applications and another body none of them", async () => {
    const { parties, application } = await prepare("submitted");
    actAs(parties.verifier);
    const own = await listBodyQueue((await getCurrentUser())!, {});
    expect(own.map((row) => row.id)).toContain(application.id);
    expect(own.find((row) => row.id === application.id)?.daysWaiting).toBe(3);

    const second = await createEntrustedApplication(parties.enterpriseUser, parties.body.id, { status: "in_review", leadVerifierId: parties.verifier.id });
    const otherEnterprise = await createUser("enterprise");
    const third = await createEntrustedApplication(otherEnterprise, parties.body.id);
    const me = (await getCurrentUser())!;
    const ids = async (filters: Parameters<typeof listBodyQueue>[1]) => (await listBodyQueue(me, filters)).map((row) => row.id).sort();
    expect(await ids({ status: "in_review" })).toEqual([second.id]);
    expect(await ids({ enterpriseId: otherEnterprise.organizationId })).toEqual([third.id]);
    expect(await ids({ categoryId: "laptop", status: "submitted" })).toEqual([application.id, third.id].sort());
    expect(await ids({ categoryId: "nev" })).toEqual([]);
    // A status outside the queue is ignored; a malformed enterprise id matches nothing (and is no SQL error).
    expect(await ids({ status: "certified" })).toHaveLength(3);
    expect(await ids({ enterpriseId: "not-a-uuid" })).toEqual([]);

    const other = await createUser("verifier");
    actAs(other);
    expect(await listBodyQueue((await getCurrentUser())!, {})).toEqual([]);
  });
});
