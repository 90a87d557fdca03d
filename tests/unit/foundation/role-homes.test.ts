import { describe, expect, it } from "vitest";
import { USER_ROLES } from "@/lib/enums";
import { AREA_ROLES, ROLE_HOME } from "@/lib/policy";

// Who may do what is the authorization matrix's (tests/integration/authorization-matrix.test.ts);
// this keeps the portal's landing pages consistent with the areas.
describe("role homes", () => {
  it.each(USER_ROLES)("sends %s home to an area it may open", (role) => {
    const area = ROLE_HOME[role].slice(1) as keyof typeof AREA_ROLES;
    expect(AREA_ROLES[area]).toContain(role);
  });
});
