import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password-policy";
import { signUpSchema } from "@/lib/validation/schemas/organizations";
import { withCreditCodeCheck } from "@/lib/validation/credit-code";

const valid = {
  name: "张三",
  email: " Zhang.San@Example.COM ",
  mobile: "+86 138-0013-8000",
  password: "a-long-password",
  confirmPassword: "a-long-password",
  consent: true,
  organizationName: "重庆测试电子有限公司",
  creditCode: withCreditCodeCheck("91500106MA60A1B2C").toLowerCase(),
  region: "500000",
  district: "500106",
};

describe("password policy", () => {
  it("uses Argon2id at the OWASP parameters", () => {
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 });
  });

  it("hashes with Argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "wrong horse battery")).toBe(false);
  });

  it("requires at least 10 characters at sign-up", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    const result = signUpSchema.safeParse({ ...valid, password: "123456789", confirmPassword: "123456789" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["password"]);
  });
});

describe("sign-up schema", () => {
  const issues = (input: Record<string, unknown>) =>
    signUpSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

  it("normalizes email, mobile number and credit code", () => {
    const parsed = signUpSchema.parse(valid);
    expect(parsed.email).toBe("zhang.san@example.com");
    expect(parsed.mobile).toBe("13800138000");
    expect(parsed.creditCode).toBe(valid.creditCode.toUpperCase());
  });

  it("reports a bad check character on the credit-code field", () => {
    const bad = valid.creditCode.slice(0, 17) + (valid.creditCode.endsWith("0") ? "1" : "0");
    expect(issues({ ...valid, creditCode: bad })).toEqual([["creditCode", "validation.creditCodeCheck"]]);
  });

  it("reports a wrong format on the credit-code field, not a check failure", () => {
    expect(issues({ ...valid, creditCode: valid.creditCode.slice(0, 17) })).toEqual([["creditCode", "validation.creditCodeFormat"]]);
    expect(issues({ ...valid, creditCode: "91500106MA60A1B2CO" })).toEqual([["creditCode", "validation.creditCodeFormat"]]);
  });

  it("requires a mainland mobile number, with its error on the field", () => {
    expect(issues({ ...valid, mobile: "" })).toEqual([["mobile", "validation.required"]]);
    expect(issues({ ...valid, mobile: "12800138000" })).toEqual([["mobile", "validation.mobile"]]);
    expect(issues({ ...valid, mobile: undefined })).toEqual([["mobile", "validation.required"]]);
  });

  it("puts a differing or missing confirmation on the confirmation field", () => {
    expect(issues({ ...valid, confirmPassword: "a-long-passwort" })).toEqual([["confirmPassword", "validation.passwordsDiffer"]]);
    expect(issues({ ...valid, confirmPassword: "" })).toEqual([["confirmPassword", "validation.required"]]);
    // Shown together with other errors, not only once everything else is right.
    expect(issues({ ...valid, email: "nobody", mobile: "12345", confirmPassword: "other" })).toEqual([
      ["email", "validation.email"],
      ["mobile", "validation.mobile"],
      ["confirmPassword", "validation.passwordsDiffer"],
    ]);
  });

  it("requires consent to the terms and the privacy policy", () => {
    expect(issues({ ...valid, consent: false })).toEqual([["consent", "validation.consentRequired"]]);
    expect(issues({ ...valid, consent: undefined })).toEqual([["consent", "validation.consentRequired"]]);
    expect(issues({ ...valid, consent: "on" })).toEqual([["consent", "validation.consentRequired"]]);
  });

  it("requires a district of the chosen region", () => {
    expect(signUpSchema.safeParse({ ...valid, district: "" }).error?.issues[0].path).toEqual(["district"]);
    expect(signUpSchema.safeParse({ ...valid, district: "110101" }).error?.issues[0].message).toBe("validation.district");
  });
});
