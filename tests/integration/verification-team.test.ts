import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, applicationTeam, findings, inventoryLines, onSiteInspections } from "@/db/schema";
import { closeFindingAction } from "@/lib/actions/verification/close-finding";
import { raiseFindingAction } from "@/lib/actions/verification/raise-finding";
import { recommendApplicationAction } from "@/lib/actions/verification/recommend-application";
import { recordInspectionAction } from "@/lib/actions/verification/record-inspection";
import { requestChangesAction } from "@/lib/actions/verification/request-changes";
import { verifyLineAction } from "@/lib/actions/verification/verify-line";
import { actAs, createUser } from "../support/factories";
import { createEntrustedApplication, createVerificationParties } from "../support/verification-fixtures";

/** An application in review with a planned team: the lead and one member; a third verifier of the body is not on it. */
async function plannedApplication() {
  const parties = await createVerificationParties();
  const member = await createUser("verifier", parties.body.id);
  const colleague = await createUser("verifier", parties.body.id);
  const application = await createEntrustedApplication(parties.enterpriseUser, parties.body.id, {
    status: "in_review",
    leadVerifierId: parties.verifier.id,
  });
  await db.insert(applicationTeam).values([
    { applicationId: application.id, userId: parties.verifier.id, teamRole: "lead" },
    { applicationId: application.id, userId: member.id, teamRole: "member" },
  ]);
  const [line] = await db.select({ id: inventoryLines.id }).from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
  const [finding] = await db
    .insert(findings)
    .values({ applicationId: application.id, round: 1, severity: "minor", text: "Check meter", raisedBy: parties.verifier.id })
    .returning();
  return { ...parties, member, colleague, application, lineId: line.id, findingId: finding.id };
}

async function snapshotOf(applicationId: string) {
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const lines = await db.select({ verification: inventoryLines.verification }).from(inventoryLines).where(eq(inventoryLines.applicationId, applicationId));
  const findingRows = await db.select({ status: findings.status }).from(findings).where(eq(findings.applicationId, applicationId));
  const inspections = await db.select({ id: onSiteInspections.id }).from(onSiteInspections).where(eq(onSiteInspections.applicationId, applicationId));
  return { version: application.version, status: application.status, reviewStage: application.reviewStage, lines, findingRows, inspections };
}

type Setup = Awaited<ReturnType<typeof plannedApplication>>;

type Work = {
  name: string;
  /** What the work needs beyond the planned application, set up before the database is compared. */
  arrange?: (setup: Setup) => Promise<void>;
  call: (setup: Setup) => Promise<{ ok: boolean; message?: string }>;
};

const TEAM_WORK: Work[] = [
  {
    name: "record inspection",
    call: ({ application }) =>
      recordInspectionAction({ applicationId: application.id, inspectedOn: "2026-12-10", site: "Plant", participants: "A", scope: "Meters", result: "Conforms" }),
  },
  { name: "verify line", call: ({ application, lineId }) => verifyLineAction({ applicationId: application.id, lineId, verified: true }) },
  { name: "raise finding", call: ({ application }) => raiseFindingAction({ applicationId: application.id, severity: "major", text: "Missing invoices" }) },
  { name: "close finding", call: ({ application, findingId }) => closeFindingAction({ applicationId: application.id, findingId }) },
  { name: "request changes", call: ({ application }) => requestChangesAction({ applicationId: application.id, expectedVersion: application.version }) },
  {
    name: "recommend",
    arrange: async ({ application }) => {
      await db.update(inventoryLines).set({ verification: "verified" }).where(eq(inventoryLines.applicationId, application.id));
    },
    call: ({ application }) =>
      recommendApplicationAction({ applicationId: application.id, expectedVersion: application.version, recommendation: "approve", statement: "Verified." }),
  },
];

describe("verification work is the planned team's", () => {
  it.each(TEAM_WORK)("$name: refused to a verifier of the body outside the team, the database unchanged", async (work) => {
    const setup = await plannedApplication();
    await work.arrange?.(setup);
    actAs(setup.colleague);
    const before = await snapshotOf(setup.application.id);
    expect(await work.call(setup)).toMatchObject({ ok: false, message: "errors.forbidden" });
    expect(await snapshotOf(setup.application.id)).toEqual(before);
  });

  it.each(TEAM_WORK)("$name: done by a member the plan named", async (work) => {
    const setup = await plannedApplication();
    await work.arrange?.(setup);
    actAs(setup.member);
    expect(await work.call(setup)).toMatchObject({ ok: true });
  });
});
