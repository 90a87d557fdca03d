import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, type OrganizationKind, type UserRole } from "@/lib/enums";
import { can, decideOnApplication, statusAllows, type ApplicationFacts, type UserActor } from "@/lib/policy";

const ENTERPRISE = "11111111-1111-4111-8111-111111111111";
const BODY = "22222222-2222-4222-8222-222222222222";

function actor(role: UserRole, organizationKind: OrganizationKind, organizationId: string): UserActor {
  return { id: `${role}-id`, email: `${role}@example.org`, name: role, role, organizationId, organizationKind, organizationName: role, region: "500000", district: null };
}

const owner = actor("enterprise", "enterprise", ENTERPRISE);
const otherEnterprise = actor("enterprise", "enterprise", "33333333-3333-4333-8333-333333333333");
const verifier = actor("verifier", "verification_body", BODY);
const otherBodyVerifier = actor("verifier", "verification_body", "44444444-4444-4444-8444-444444444444");

function facts(status: ApplicationFacts["status"]): ApplicationFacts {
  return { status, organizationId: ENTERPRISE, verificationBodyId: BODY, region: "500000", leadVerifierId: null };
}

describe("evidence policy", () => {
  it("lets the owner upload and delete while the inventory is editable, and says it is frozen otherwise", () => {
    for (const permission of ["evidence.upload", "evidence.delete"] as const) {
      expect(decideOnApplication(owner, permission, facts("draft"))).toEqual({ allowed: true });
      expect(decideOnApplication(owner, permission, facts("changes_requested"))).toEqual({ allowed: true });
      expect(decideOnApplication(owner, permission, facts("in_review"))).toEqual({ allowed: false, reason: "conflict", message: "inventory.errors.frozen" });
      expect(decideOnApplication(otherEnterprise, permission, facts("draft"))).toMatchObject({ allowed: false, reason: "notFound" });
      expect(decideOnApplication(null, permission, facts("draft"))).toMatchObject({ allowed: false, reason: "unauthenticated" });
    }
  });

  it("lets the entrusted body upload inspection evidence only while it works on the application", () => {
    expect(decideOnApplication(verifier, "evidence.upload", facts("accepted"))).toEqual({ allowed: true });
    expect(decideOnApplication(verifier, "evidence.upload", facts("in_review"))).toEqual({ allowed: true });
    expect(decideOnApplication(verifier, "evidence.upload", facts("awaiting_decision"))).toEqual({
      allowed: false,
      reason: "conflict",
      message: "evidence.errors.notUnderReview",
    });
    expect(decideOnApplication(otherBodyVerifier, "evidence.upload", facts("in_review"))).toMatchObject({ allowed: false, reason: "notFound" });
  });

  it("gates deletion by its own permission: a body that may upload may not delete", () => {
    expect(can(verifier, "evidence.upload")).toBe(true);
    expect(can(verifier, "evidence.delete")).toBe(false);
    expect(decideOnApplication(verifier, "evidence.delete", facts("in_review"))).toMatchObject({ allowed: false, reason: "forbidden" });
  });

  it("counts a status as allowed when any of the permission's scopes allows it", () => {
    expect(APPLICATION_STATUSES.filter((status) => statusAllows("evidence.upload", status))).toEqual([
      "draft",
      "declined",
      "accepted",
      "in_review",
      "changes_requested",
    ]);
    expect(APPLICATION_STATUSES.filter((status) => statusAllows("evidence.delete", status))).toEqual(["draft", "declined", "changes_requested"]);
  });
});
