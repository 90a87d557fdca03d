import { describe, expect, it } from "vitest";
import { decideOnFactor, factorPermission, isRegionalFactorRegion, keepsFactors, type UserActor } from "@/lib/policy";

function person(role: UserActor["role"], region: string): UserActor {
  return {
    id: `${role}-${region}`,
    email: `${role}@example.org`,
    name: role,
    role,
    organizationId: `org-${role}-${region}`,
    organizationKind: role === "admin" ? "operator" : role === "regulator" ? "regulator" : role === "enterprise" ? "enterprise" : "verification_body",
    organizationName: "Org",
    region,
    district: null,
  };
}

describe("who keeps which factors", () => {
  it("tells a province-level division's factors from national and international ones", () => {
    expect(["500000", "510000"].map(isRegionalFactorRegion)).toEqual([true, true]);
    expect(["CN", "GLO", "5000", "500000x"].map(isRegionalFactorRegion)).toEqual([false, false, false, false]);
    expect([factorPermission("500000"), factorPermission("CN")]).toEqual(["factor.manage", "factor.manageNational"]);
  });

  it("lets a regulator write its own region's factors only", () => {
    const chongqing = person("regulator", "500000");
    expect(decideOnFactor(chongqing, { region: "500000" })).toEqual({ allowed: true });
    expect(decideOnFactor(chongqing, { region: "510000" })).toMatchObject({ allowed: false, reason: "forbidden", message: "factors.errors.otherRegion" });
    expect(decideOnFactor(chongqing, { region: "CN" })).toMatchObject({ allowed: false, reason: "forbidden" });
  });

  it("lets the operator write national factors, never a region's", () => {
    const admin = person("admin", "500000");
    expect(decideOnFactor(admin, { region: "CN" })).toEqual({ allowed: true });
    expect(decideOnFactor(admin, { region: "GLO" })).toEqual({ allowed: true });
    expect(decideOnFactor(admin, { region: "500000" })).toMatchObject({ allowed: false, reason: "forbidden" });
  });

  it("refuses everyone else and nobody signed in", () => {
    for (const role of ["enterprise", "verifier", "reviewer"] as const) {
      expect(keepsFactors(person(role, "500000"))).toBe(false);
      expect(decideOnFactor(person(role, "500000"), { region: "500000" })).toMatchObject({ allowed: false, reason: "forbidden" });
    }
    expect(decideOnFactor(null, { region: "CN" })).toMatchObject({ allowed: false, reason: "unauthenticated" });
    expect([keepsFactors(person("regulator", "500000")), keepsFactors(person("admin", "500000"))]).toEqual([true, true]);
  });
});
