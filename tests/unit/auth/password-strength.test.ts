import { describe, expect, it } from "vitest";
import { passwordWeakness, withStrongPassword } from "@/lib/validation/password-strength";
import { signUpSchema } from "@/lib/validation/schemas/organizations";
import { withCreditCodeCheck } from "@/lib/validation/credit-code";

describe("offline password strength (zxcvbn-ts, common dictionary)", () => {
  it.each([
    ["1234567890", "password.warnings.topHundred"],
    ["password1234", "password.warnings.similarToCommon"],
    ["qwertyuiop12", "password.warnings.similarToCommon"],
    ["aaaaaaaaaaaa", "password.warnings.simpleRepeat"],
  ])("refuses %j with its reason", (password, reason) => {
    expect(passwordWeakness(password)).toBe(reason);
  });

  it("refuses a password made of the user's own details", () => {
    expect(passwordWeakness("zhangsanyuxin", ["zhangsan@yuxin.example"])).toBe("password.warnings.userInputs");
    expect(passwordWeakness("yuxin2026", ["Yuxin Ltd"])).toBe("password.warnings.userInputs");
  });

  it("accepts a long passphrase", () => {
    expect(passwordWeakness("battery-staple-horse-9")).toBeNull();
    expect(passwordWeakness("correct horse battery")).toBeNull();
  });

  it("puts the reason next to the password field of the sign-up form", () => {
    const schema = withStrongPassword(signUpSchema, "password", (value) => [value.email, value.name]);
    const result = schema.safeParse({
      name: "张三",
      email: "zhang.san@example.com",
      mobile: "13800138000",
      password: "password1234",
      confirmPassword: "password1234",
      consent: true,
      organizationName: "重庆测试电子有限公司",
      creditCode: withCreditCodeCheck("91500106MA60A1B2C"),
      region: "500000",
      district: "500106",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["password"], message: "password.warnings.similarToCommon" })]);
  });
});
