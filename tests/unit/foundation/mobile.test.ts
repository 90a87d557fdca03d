import { describe, expect, it } from "vitest";
import { compactMobile, formatMobile, isMainlandMobile } from "@/lib/validation/mobile";
import { signUpSchema } from "@/lib/validation/schemas/organizations";

describe("mainland China mobile numbers", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["+86 138 0013 8000", "13800138000"],
    ["+8613800138000", "13800138000"],
    ["138-0013-8000", "13800138000"],
    [" 199 1234 5678 ", "19912345678"],
    // Full-width digits and plus sign, an ideographic space: what a Chinese input method types.
    ["＋８６\u3000１５０１２３４５６７８", "15012345678"],
  ])("accepts %j as %s", (typed, digits) => {
    expect(compactMobile(typed)).toBe(digits);
    expect(isMainlandMobile(compactMobile(typed))).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["1380013800", "10 digits"],
    ["138001380001", "12 digits"],
    ["12800138000", "second digit 2"],
    ["10800138000", "second digit 0"],
    ["23800138000", "not starting with 1"],
    ["023-6388-1234", "a landline"],
    ["8613800138000", "country code without +"],
    ["+85261234567", "a Hong Kong number"],
    ["138.0013.8000", "dots"],
    ["138 0013 800O", "a letter O"],
  ])("refuses %j (%s)", (typed) => {
    expect(isMainlandMobile(compactMobile(typed))).toBe(false);
  });

  it("is stored as the 11 digits by the sign-up schema, and refused there with the reason", () => {
    const mobileOf = (typed: string) => {
      const result = signUpSchema.shape.mobile.safeParse(typed);
      return result.success ? result.data : result.error.issues.map((issue) => issue.message);
    };
    expect(mobileOf("+86 138-0013-8000")).toBe("13800138000");
    expect(mobileOf("")).toEqual(["validation.required"]);
    expect(mobileOf("   ")).toEqual(["validation.required"]);
    expect(mobileOf("12800138000")).toEqual(["validation.mobile"]);
  });

  it("shows the stored digits grouped 3-4-4", () => {
    expect(formatMobile("13800138000")).toBe("138 0013 8000");
  });
});
