import { describe, expect, it } from "vitest";
import { decideOnApplication, mayDecide, type ApplicationFacts, type UserActor } from "@/lib/policy";

const reviewer: UserActor = {
  id: "reviewer",
  email: "reviewer@body.example.org",
  name: "Reviewer",
  role: "reviewer",
  organizationId: "body",
  organizationKind: "verification_body",
  organizationName: "Body",
  region: "500000",
  district: null,
};

const awaiting: ApplicationFacts = {
  status: "awaiting_decision",
  organizationId: "enterprise",
  verificationBodyId: "body",
  region: "500000",
  leadVerifierId: "lead",
  team: [{ userId: "lead", teamRole: "lead" }],
  plannedBy: "planner",
  recommendedBy: "lead",
  acceptedBy: ["acceptor"],
};

describe("the decider took no part in the verification", () => {
  it("lets an independent reviewer decide", () => {
    expect(mayDecide("reviewer", awaiting)).toBe(true);
    expect(decideOnApplication(reviewer, "application.decide", awaiting)).toEqual({ allowed: true });
  });

  it.each([
    ["accepted a round", { acceptedBy: ["acceptor", "reviewer"] }],
    ["planned the review", { plannedBy: "reviewer" }],
    ["is a member of the team", { team: [...awaiting.team!, { userId: "reviewer", teamRole: "member" as const }] }],
    ["recommended", { recommendedBy: "reviewer" }],
  ])("refuses a reviewer who %s", (_part, change) => {
    const facts = { ...awaiting, ...change };
    expect(mayDecide("reviewer", facts)).toBe(false);
    expect(decideOnApplication(reviewer, "application.decide", facts)).toMatchObject({
      allowed: false,
      reason: "forbidden",
      message: "verifier.errors.deciderNotIndependent",
    });
  });

  it("keeps the lead's own message for the lead", () => {
    const facts = { ...awaiting, leadVerifierId: "reviewer", team: [{ userId: "reviewer", teamRole: "lead" as const }] };
    expect(decideOnApplication(reviewer, "application.decide", facts)).toMatchObject({ allowed: false, message: "verifier.errors.leadCannotDecide" });
  });

  it("says no when the caller did not load the team or the acceptors", () => {
    expect(mayDecide("reviewer", { ...awaiting, team: undefined })).toBe(false);
    expect(mayDecide("reviewer", { ...awaiting, acceptedBy: undefined })).toBe(false);
  });
});
