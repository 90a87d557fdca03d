import { describe, expect, it } from "vitest";
import { userRole } from "@/db/schema";
import { AREA_ROLES, can, PERMISSIONS, ROLE_HOME } from "@/lib/auth/permissions";

describe("permission table", () => {
  it("lets only the operator manage organizations and users", () => {
    for (const role of userRole.enumValues) {
      expect(can(role, "organization.manage")).toBe(role === "admin");
      expect(can(role, "user.manage")).toBe(role === "admin");
    }
  });

  it("reserves the certification decision for the body's reviewer", () => {
    expect(PERMISSIONS["application.decide"]).toEqual(["reviewer"]);
    expect(can("verifier", "application.decide")).toBe(false);
  });

  it("never lets a regulator or verifier edit an enterprise's inventory", () => {
    for (const role of ["verifier", "reviewer", "regulator", "admin"] as const) {
      expect(can(role, "inventory.edit")).toBe(false);
      expect(can(role, "application.submit")).toBe(false);
    }
  });

  it("refuses anonymous callers everything", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(null, permission)).toBe(false);
    }
  });

  it("sends every role home to an area it may open", () => {
    for (const role of userRole.enumValues) {
      const area = ROLE_HOME[role].slice(1) as keyof typeof AREA_ROLES;
      expect(AREA_ROLES[area]).toContain(role);
    }
  });
});
