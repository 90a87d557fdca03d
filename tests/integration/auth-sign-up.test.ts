/**
 * Issue 11, defect 13: sign-up must not tell whether an email is taken (the holder is told
 * instead), public sign-up needs a proof of work and is limited per client address, and weak
 * passwords are refused with the reason next to the field (sign-up and operator-created users).
 * Issue 17: the contact person's mobile number, the password typed twice, consent to the terms
 * and the privacy policy, and a credit-code error that says what is wrong.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { notifications, organizations, users } from "@/db/schema";
import { createUserAction } from "@/lib/actions/admin/create-user";
import { signUpAction } from "@/lib/actions/organizations/sign-up";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_SIGN_UPS_PER_ADDRESS_PER_HOUR } from "@/lib/auth/sign-up-guard";
import { listUsers } from "@/lib/dal/admin-directory";
import { executeOperation } from "@/lib/domain/operation";
import { registerEnterprise } from "@/lib/domain/organizations/register-enterprise";
import { actAs, createOrganization, createUser, randomCreditCode, signUpFields } from "../support/factories";
import { fromAddress, solvedProof } from "../support/proof-of-work";

let addressCounter = 0;
const freshAddress = () => `198.18.0.${++addressCounter}`;

const form = () => ({
  name: "刘洋",
  email: `founder-${crypto.randomUUID()}@example.com`,
  ...signUpFields("amber-lantern-orchard-7"),
  organizationName: "重庆注册测试有限公司",
  creditCode: randomCreditCode(),
  region: "500000",
  district: "500106",
});

describe("sign-up without an email oracle", () => {
  it("answers a taken email exactly like a free one, creates nothing, and tells the holder", async () => {
    actAs(null);
    fromAddress(freshAddress());
    const holder = await createUser("enterprise");
    const fresh = await signUpAction({ ...form(), proof: await solvedProof("sign-up") });
    const taken = await signUpAction({ ...form(), email: holder.email, proof: await solvedProof("sign-up") });
    expect(taken).toEqual(fresh);
    expect(taken).toEqual({ ok: true, data: { redirectTo: "/enterprise" } });
    expect(await db.select().from(users).where(eq(users.email, holder.email))).toHaveLength(1);
    const told = await db.select().from(notifications).where(eq(notifications.userId, holder.id));
    expect(told.map((n) => n.kind)).toEqual(["account.signUpWithYourEmail"]);
  });

  it("does not create the organization either when the email was taken", async () => {
    fromAddress(freshAddress());
    const holder = await createUser("verifier");
    const input = { ...form(), email: holder.email, proof: await solvedProof("sign-up") };
    expect((await signUpAction(input)).ok).toBe(true);
    expect(await db.select().from(organizations).where(eq(organizations.creditCode, input.creditCode))).toEqual([]);
  });
});

describe("anti-automation on public sign-up", () => {
  it("refuses a sign-up without a solved challenge, or with one already used, creating nothing", async () => {
    fromAddress(freshAddress());
    const missing = form();
    expect(await signUpAction(missing)).toEqual({ ok: false, message: "security.signUp.proofInvalid" });
    const proof = await solvedProof("sign-up");
    expect((await signUpAction({ ...form(), proof })).ok).toBe(true);
    const replayed = { ...form(), proof };
    expect(await signUpAction(replayed)).toEqual({ ok: false, message: "security.signUp.proofInvalid" });
    const signInProof = await solvedProof("sign-in", "someone@example.com");
    expect(await signUpAction({ ...form(), proof: signInProof })).toEqual({ ok: false, message: "security.signUp.proofInvalid" });
    for (const refused of [missing, replayed]) {
      expect(await db.select().from(users).where(eq(users.email, refused.email))).toEqual([]);
    }
  });

  it(`allows ${DEFAULT_SIGN_UPS_PER_ADDRESS_PER_HOUR} sign-ups an hour from one address`, async () => {
    const address = freshAddress();
    fromAddress(address);
    for (let i = 0; i < DEFAULT_SIGN_UPS_PER_ADDRESS_PER_HOUR; i++) {
      expect((await signUpAction({ ...form(), proof: await solvedProof("sign-up") })).ok).toBe(true);
    }
    const over = { ...form(), proof: await solvedProof("sign-up") };
    expect(await signUpAction(over)).toEqual({ ok: false, message: "security.signUp.tooMany" });
    expect(await db.select().from(users).where(eq(users.email, over.email))).toEqual([]);
    fromAddress(freshAddress());
    expect((await signUpAction({ ...form(), proof: await solvedProof("sign-up") })).ok).toBe(true);
  });
});

describe("password strength", () => {
  it("refuses a common password at sign-up next to the field, before any proof is spent", async () => {
    fromAddress(freshAddress());
    const proof = await solvedProof("sign-up");
    expect(await signUpAction({ ...form(), password: "password1234", confirmPassword: "password1234", proof })).toMatchObject({
      ok: false,
      fieldErrors: { password: ["password.warnings.similarToCommon"] },
    });
    expect((await signUpAction({ ...form(), proof })).ok).toBe(true);
  });

  it("refuses a password made of the founder's own details", async () => {
    fromAddress(freshAddress());
    const input = { ...form(), email: "yuxinchen@example.com", password: "yuxinchen2026", confirmPassword: "yuxinchen2026" };
    expect(await signUpAction({ ...input, proof: await solvedProof("sign-up") })).toMatchObject({
      fieldErrors: { password: ["password.warnings.userInputs"] },
    });
  });

  it("refuses a weak initial password for a user the operator creates", async () => {
    const admin = await createUser("admin");
    const body = await createOrganization("verification_body");
    actAs(admin);
    const email = `weak-${crypto.randomUUID()}@example.com`;
    expect(
      await createUserAction({ organizationId: body.id, name: "Wang", email, role: "verifier", password: "qwertyuiop12" }),
    ).toMatchObject({ ok: false, fieldErrors: { password: ["password.warnings.similarToCommon"] } });
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });
});

describe("contact person, confirmation and consent", () => {
  it("stores the mobile number as its 11 digits and the moment of consent, and shows the number to the operator", async () => {
    actAs(null);
    fromAddress(freshAddress());
    const input = { ...form(), mobile: "+86 139-2345 6789", proof: await solvedProof("sign-up") };
    expect((await signUpAction(input)).ok).toBe(true);
    const [account] = await db.select().from(users).where(eq(users.email, input.email));
    expect(account.mobile).toBe("13923456789");
    // Agreed in the act of registering: the same transaction time as the account itself.
    expect(account.consentedAt).toEqual(account.createdAt);

    actAs(await createUser("admin"));
    const operator = await getCurrentUser();
    if (!operator) throw new Error("no session");
    const listed = (await listUsers(operator, { q: input.email })).items.find((row) => row.email === input.email);
    expect(listed).toMatchObject({ name: "刘洋", mobile: "13923456789" });
  });

  it("refuses a missing consent, a differing confirmation and a bad mobile number next to their fields, spending no proof", async () => {
    actAs(null);
    fromAddress(freshAddress());
    const proof = await solvedProof("sign-up");
    const refused = { ...form(), consent: false, confirmPassword: "amber-lantern-orchard-8", mobile: "1380013800", proof };
    expect(await signUpAction(refused)).toMatchObject({
      ok: false,
      fieldErrors: {
        consent: ["validation.consentRequired"],
        confirmPassword: ["validation.passwordsDiffer"],
        mobile: ["validation.mobile"],
      },
    });
    expect(await db.select().from(users).where(eq(users.email, refused.email))).toEqual([]);
    expect((await signUpAction({ ...form(), proof })).ok).toBe(true);
  });

  it("says whether a credit code has the wrong format or the wrong check character", async () => {
    actAs(null);
    fromAddress(freshAddress());
    const code = randomCreditCode();
    const wrongCheck = code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");
    expect(await signUpAction({ ...form(), creditCode: wrongCheck, proof: await solvedProof("sign-up") })).toMatchObject({
      fieldErrors: { creditCode: ["validation.creditCodeCheck"] },
    });
    // An O where a 0 was meant: outside the GB 32100-2015 character set.
    const wrongFormat = code.slice(0, 9) + "O" + code.slice(10);
    expect(await signUpAction({ ...form(), creditCode: wrongFormat, proof: await solvedProof("sign-up") })).toMatchObject({
      fieldErrors: { creditCode: ["validation.creditCodeFormat"] },
    });
  });

  it("creates no account through the operation itself without consent", async () => {
    const email = `founder-${crypto.randomUUID()}@example.com`;
    const creditCode = randomCreditCode();
    const outcome = await executeOperation(registerEnterprise, null, {
      name: "刘洋",
      email,
      mobile: "13800138000",
      consent: false,
      passwordHash: "argon2-hash-made-by-the-adapter",
      organizationName: "重庆直连测试有限公司",
      creditCode,
      region: "500000",
      district: "500106",
    });
    expect(outcome).toMatchObject({ ok: false, error: { fieldErrors: { consent: ["validation.consentRequired"] } } });
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await db.select().from(organizations).where(eq(organizations.creditCode, creditCode))).toEqual([]);
  });

  it("keeps anything but 11 mobile digits out of the table", async () => {
    const user = await createUser("enterprise");
    await expect(db.execute(sql`update users set mobile = '+8613800138000' where id = ${user.id}`)).rejects.toMatchObject({
      cause: { constraint: "users_mobile_ck" },
    });
    await db.execute(sql`update users set mobile = '13800138000' where id = ${user.id}`);
    const [row] = await db.select({ mobile: users.mobile }).from(users).where(eq(users.id, user.id));
    expect(row.mobile).toBe("13800138000");
  });
});
