import { describe, expect, it } from "vitest";
import { API_SCOPES, type ApiScope } from "@/lib/enums";
import {
  ALL_PERMISSIONS,
  API_SCOPE_PERMISSIONS,
  API_SCOPES_BY_ORGANIZATION_KIND,
  can,
  decideOnApplication,
  decideOnCertificate,
  type UserActor,
} from "@/lib/policy";

const person: UserActor = {
  id: "11111111-1111-4111-8111-111111111111",
  email: "a@example.com",
  name: "A",
  role: "enterprise",
  organizationId: "22222222-2222-4222-8222-222222222222",
  organizationKind: "enterprise",
  organizationName: "Org",
  region: "500000",
  district: null,
};

const viaClient = (scopes: ApiScope[], actor: UserActor = person): UserActor => ({
  ...actor,
  apiClient: { id: "33333333-3333-4333-8333-333333333333", name: "ERP", scopes, footprints: "all" },
});

describe("API scopes on the permission table", () => {
  it("narrow the role: a client may do only what both its creator's role and one of its scopes allow", () => {
    expect(can(person, "inventory.edit")).toBe(true);
    expect(can(viaClient(["applications:read"]), "inventory.edit")).toBe(false);
    expect(can(viaClient(["applications:write"]), "inventory.edit")).toBe(true);
    expect(can(viaClient(["applications:write"]), "application.read")).toBe(true);
    expect(can(viaClient(["certificates:read"]), "application.read")).toBe(false);
    expect(can(viaClient(["footprints:read"]), "footprint.read")).toBe(true);
    // A scope never lends a permission the role lacks.
    const regulator: UserActor = { ...person, role: "regulator", organizationKind: "regulator" };
    expect(can(viaClient(["applications:write"], regulator), "inventory.edit")).toBe(false);
  });

  it("never grant managing API clients or any body, regulator or operator act", () => {
    const granted = new Set<string>(Object.values(API_SCOPE_PERMISSIONS).flat());
    expect(granted.has("apiClient.manage")).toBe(false);
    for (const permission of granted) expect(ALL_PERMISSIONS as string[]).toContain(permission);
    const everyScope = viaClient([...API_SCOPES]);
    for (const permission of ["apiClient.manage", "application.accept", "application.decide", "certificate.suspend", "user.manage"] as const) {
      expect(can({ ...everyScope, role: "reviewer" }, permission), permission).toBe(false);
    }
  });

  it("let bodies and regulators grant read-only scopes, the operator none", () => {
    expect(API_SCOPES_BY_ORGANIZATION_KIND.verification_body).toEqual(["applications:read", "certificates:read"]);
    expect(API_SCOPES_BY_ORGANIZATION_KIND.regulator).toEqual(["applications:read", "certificates:read"]);
    expect(API_SCOPES_BY_ORGANIZATION_KIND.operator).toEqual([]);
    expect(API_SCOPES_BY_ORGANIZATION_KIND.enterprise).toEqual([...API_SCOPES]);
  });

  it("reach the resource policies: a client's decision on an application or certificate needs its scope", () => {
    const facts = { status: "draft" as const, organizationId: person.organizationId, verificationBodyId: null, region: "500000", leadVerifierId: null };
    expect(decideOnApplication(viaClient(["applications:write"]), "inventory.edit", facts)).toEqual({ allowed: true });
    expect(decideOnApplication(viaClient(["applications:read"]), "inventory.edit", facts)).toMatchObject({ allowed: false, reason: "forbidden" });
    const certificate = { organizationId: person.organizationId, verificationBodyId: "44444444-4444-4444-8444-444444444444", region: "500000", status: "valid" as const };
    expect(decideOnCertificate(viaClient(["certificates:read"]), "certificate.read", certificate)).toEqual({ allowed: true });
    expect(decideOnCertificate(viaClient(["applications:read"]), "certificate.read", certificate)).toMatchObject({ allowed: false, reason: "forbidden" });
  });
});
