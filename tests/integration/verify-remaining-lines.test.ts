import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { applications, applicationTeam, auditEvents, inventoryLines } from "@/db/schema";
import { verifyRemainingLinesAction } from "@/lib/actions/verification/verify-remaining-lines";
import { actAs, createOrganization, createUser } from "../support/factories";
import { createEntrustedApplication, createVerificationParties } from "../support/verification-fixtures";

/** In review, planned with a lead and a member: the fixture's lines and two more, one of them already verified by the lead. */
async function setUp(status: "in_review" | "awaiting_decision" = "in_review") {
  const parties = await createVerificationParties();
  const member = await createUser("verifier", parties.body.id);
  const application = await createEntrustedApplication(parties.enterpriseUser, parties.body.id, { status, leadVerifierId: parties.verifier.id });
  await db.insert(applicationTeam).values([
    { applicationId: application.id, userId: parties.verifier.id, teamRole: "lead" },
    { applicationId: application.id, userId: member.id, teamRole: "member" },
  ]);
  const more = { applicationId: application.id, stage: "production" as const, unit: "kWh", source: "supplier_factor" as const, supplierFactorValue: "0.5", supplierFactorUnit: "kWh", dataType: "primary" as const };
  await db.insert(inventoryLines).values([
    { ...more, position: 1, description: "Electricity", quantity: "100" },
    { ...more, position: 2, description: "Steam", quantity: "20" },
  ]);
  // The fixture's own line stays as it made it: unverified in review, verified once recommended.
  await db
    .update(inventoryLines)
    .set({ verification: "verified", verifiedBy: parties.verifier.id })
    .where(and(eq(inventoryLines.applicationId, application.id), eq(inventoryLines.description, "Electricity")));
  return { ...parties, member, application };
}

async function stateOf(applicationId: string) {
  const [application] = await db.select({ version: applications.version, status: applications.status, reviewStage: applications.reviewStage }).from(applications).where(eq(applications.id, applicationId));
  const lines = await db
    .select({ description: inventoryLines.description, verification: inventoryLines.verification, verifiedBy: inventoryLines.verifiedBy })
    .from(inventoryLines)
    .where(eq(inventoryLines.applicationId, applicationId))
    .orderBy(asc(inventoryLines.description));
  const audit = await db.select({ action: auditEvents.action, entityId: auditEvents.entityId }).from(auditEvents).where(eq(auditEvents.applicationId, applicationId)).orderBy(asc(auditEvents.id));
  return { application, lines, audit };
}

describe("mark all remaining lines verified", () => {
  it("marks every unverified line as the acting team member's, one audit event per line marked", async () => {
    const { member, verifier, application } = await setUp();
    const before = await stateOf(application.id);
    actAs(member);
    const remaining = before.lines.filter((line) => line.verification === "unverified").length;
    expect(remaining).toBeGreaterThanOrEqual(2);
    expect(await verifyRemainingLinesAction({ applicationId: application.id, expectedCount: remaining })).toEqual({ ok: true, data: { verified: remaining } });
    const after = await stateOf(application.id);
    expect(after.lines).toEqual(
      before.lines.map((line) => ({ ...line, verification: "verified", verifiedBy: line.description === "Electricity" ? verifier.id : member.id })),
    );
    const newEvents = after.audit.slice(before.audit.length);
    const lines = await db.select({ id: inventoryLines.id, description: inventoryLines.description }).from(inventoryLines).where(eq(inventoryLines.applicationId, application.id));
    const marked = lines.filter((line) => line.description !== "Electricity").map((line) => line.id).sort();
    expect(newEvents.map((event) => event.action)).toEqual(marked.map(() => "line.verify"));
    expect(newEvents.map((event) => event.entityId).sort()).toEqual(marked);
    expect(after.application.reviewStage).toBe("pcf_verification");
  });

  it("refuses a count that is no longer the number of remaining lines, marking nothing", async () => {
    const { verifier, application } = await setUp();
    const before = await stateOf(application.id);
    actAs(verifier);
    const remaining = before.lines.filter((line) => line.verification === "unverified").length;
    for (const expectedCount of [remaining - 1, remaining + 1]) {
      expect(await verifyRemainingLinesAction({ applicationId: application.id, expectedCount })).toMatchObject({ ok: false, message: "verifier.errors.remainingLinesChanged" });
    }
    expect(await stateOf(application.id)).toEqual(before);
  });

  it("refuses everyone but the planned team, and anonymous callers, changing nothing", async () => {
    const setup = await setUp();
    const before = await stateOf(setup.application.id);
    const otherBody = await createOrganization("verification_body");
    const callers = [
      setup.reviewer,
      await createUser("verifier", setup.body.id),
      await createUser("verifier", otherBody.id),
      setup.enterpriseUser,
      await createUser("admin"),
      await createUser("regulator", (await createOrganization("regulator")).id),
      null,
    ];
    for (const caller of callers) {
      actAs(caller);
      const result = await verifyRemainingLinesAction({ applicationId: setup.application.id, expectedCount: before.lines.filter((line) => line.verification === "unverified").length });
      expect(result.ok, `${caller?.role ?? "anonymous"} got through`).toBe(false);
    }
    expect(await stateOf(setup.application.id)).toEqual(before);
  });

  it("refuses once the application is no longer in review", async () => {
    const { verifier, application } = await setUp("awaiting_decision");
    const before = await stateOf(application.id);
    actAs(verifier);
    expect((await verifyRemainingLinesAction({ applicationId: application.id, expectedCount: 1 })).ok).toBe(false);
    expect(before.lines.filter((line) => line.verification === "unverified")).toHaveLength(1);
    expect(await stateOf(application.id)).toEqual(before);
  });

  it("answers malformed input at its field, never with a crash", async () => {
    const { verifier, application } = await setUp();
    actAs(verifier);
    for (const input of [
      { applicationId: application.id, expectedCount: 0 },
      { applicationId: application.id, expectedCount: 1.5 },
      { applicationId: "not-a-uuid", expectedCount: 3 },
    ]) {
      expect(await verifyRemainingLinesAction(input)).toMatchObject({ ok: false, message: "errors.validation" });
    }
  });
});
