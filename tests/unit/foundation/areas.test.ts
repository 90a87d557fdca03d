import { describe, expect, it } from "vitest";
import { USER_ROLES } from "@/lib/enums";
import { AREA_ROLES, areaOf, ROLE_HOME } from "@/lib/policy";

describe("portal areas", () => {
  it.each(USER_ROLES)("%s works in exactly one area, the one its home page is in", (role) => {
    const areas = Object.entries(AREA_ROLES).filter(([, roles]) => (roles as readonly string[]).includes(role));
    expect(areas).toHaveLength(1);
    expect(areaOf(role)).toBe(areas[0][0]);
    expect(ROLE_HOME[role]).toBe(`/${areaOf(role)}`);
  });
});
