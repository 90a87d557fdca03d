import { describe, expect, it } from "vitest";
import { decideOnApplication, permittedOnApplication, type ApplicationFacts, type UserActor } from "@/lib/policy";

function bodyStaff(id: string, role: "verifier" | "reviewer" = "verifier"): UserActor {
  return {
    id,
    email: `${id}@body.example.org`,
    name: id,
    role,
    organizationId: "body-1",
    organizationKind: "verification_body",
    organizationName: "Body 1",
    region: "500000",
    district: null,
  };
}

const inReview: ApplicationFacts = {
  status: "in_review",
  organizationId: "enterprise-1",
  verificationBodyId: "body-1",
  region: "500000",
  leadVerifierId: "lead",
  team: [
    { userId: "lead", teamRole: "lead" },
    { userId: "member", teamRole: "member" },
  ],
  acceptedBy: [],
};

const TEAM_WORK = [
  "application.recordInspection",
  "line.verify",
  "finding.raise",
  "finding.close",
  "application.requestChanges",
  "application.recommend",
] as const;

describe("verification work belongs to the planned team", () => {
  it("lets the lead and a planned member do it", () => {
    for (const permission of TEAM_WORK) {
      expect(decideOnApplication(bodyStaff("lead"), permission, inReview)).toEqual({ allowed: true });
      expect(decideOnApplication(bodyStaff("member"), permission, inReview)).toEqual({ allowed: true });
    }
  });

  it("refuses a verifier of the same body outside the team", () => {
    const offered = permittedOnApplication(bodyStaff("colleague"), inReview);
    for (const permission of TEAM_WORK) {
      expect(decideOnApplication(bodyStaff("colleague"), permission, inReview)).toMatchObject({ allowed: false, reason: "forbidden" });
      expect(offered.has(permission)).toBe(false);
    }
    // Reading stays open to the whole body.
    expect(offered.has("application.read")).toBe(true);
  });

  it("counts the lead alone when the caller did not load the team", () => {
    const withoutTeam = { ...inReview, team: undefined };
    expect(decideOnApplication(bodyStaff("lead"), "line.verify", withoutTeam)).toEqual({ allowed: true });
    expect(decideOnApplication(bodyStaff("member"), "line.verify", withoutTeam)).toMatchObject({ allowed: false, reason: "forbidden" });
  });

  it("leaves the body's other work to any of its staff", () => {
    const colleague = bodyStaff("colleague");
    expect(decideOnApplication(colleague, "conflict.declare", inReview)).toEqual({ allowed: true });
    expect(decideOnApplication(colleague, "application.plan", { ...inReview, status: "accepted" })).toEqual({ allowed: true });
    expect(decideOnApplication(bodyStaff("decider", "reviewer"), "application.decide", { ...inReview, status: "awaiting_decision" })).toEqual({
      allowed: true,
    });
  });
});
