import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditEvents, organizations, users } from "@/db/schema";
import { changeUserRoleAction } from "@/lib/actions/admin/change-user-role";
import { createOrganizationAction } from "@/lib/actions/admin/create-organization";
import { createUserAction } from "@/lib/actions/admin/create-user";
import { setUserDisabledAction } from "@/lib/actions/admin/set-user-disabled";
import { signUpAction } from "@/lib/actions/organizations/sign-up";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { getCurrentUser } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import { reserveSignInAttempt } from "@/lib/auth/throttle";
import { actAs, createOrganization, createUser, randomCreditCode, signUpFields, TEST_PASSWORD } from "../support/factories";
import { fromAddress, solvedProof } from "../support/proof-of-work";

const signUpInput = async () => ({
  name: "刘洋",
  email: `founder-${crypto.randomUUID()}@example.com`,
  ...signUpFields("a-long-password"),
  organizationName: "重庆测试电子有限公司",
  creditCode: randomCreditCode(),
  region: "500000",
  district: "500106",
  proof: await solvedProof("sign-up"),
});

describe("sign-up", () => {
  it("creates the enterprise and its first user with an Argon2id hash, and audits it", async () => {
    actAs(null);
    fromAddress(`198.51.100.${Math.floor(Math.random() * 250)}`);
    const input = await signUpInput();
    const result = await signUpAction(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [organization] = await db.select().from(organizations).where(eq(organizations.creditCode, input.creditCode));
    expect(organization).toMatchObject({ kind: "enterprise", creditCode: input.creditCode, district: "500106" });
    const [user] = await db.select().from(users).where(eq(users.organizationId, organization.id));
    expect(user).toMatchObject({ role: "enterprise", organizationId: organization.id, email: input.email });
    expect(await verifyPassword(user.passwordHash, input.password)).toBe(true);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, organization.id)).orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(["organization.register"]);
  });

  // A taken email is no longer named (issue 11, defect 13: no email oracle): only the credit code is.
  it("refuses a taken credit code next to its field, creating nothing, without naming a taken email", async () => {
    const first = await signUpInput();
    expect((await signUpAction(first)).ok).toBe(true);
    const again = await signUpAction({ ...(await signUpInput()), email: first.email, creditCode: first.creditCode });
    expect(again.ok).toBe(false);
    expect(again.fieldErrors).toEqual({ creditCode: ["validation.creditCodeTaken"] });
    const rows = await db.select().from(organizations).where(eq(organizations.creditCode, first.creditCode));
    expect(rows).toHaveLength(1);
  });

  it("refuses an invalid credit code with a field error", async () => {
    const input = await signUpInput();
    const broken = input.creditCode.slice(0, 17) + (input.creditCode.endsWith("0") ? "1" : "0");
    const result = await signUpAction({ ...input, creditCode: broken });
    expect(result).toMatchObject({ ok: false, fieldErrors: { creditCode: ["validation.creditCodeCheck"] } });
  });
});

describe("admin actions", () => {
  it("lets the operator create a verification body and a reviewer in it", async () => {
    const admin = await createUser("admin");
    actAs(admin);
    const organization = await createOrganizationAction({
      kind: "verification_body",
      name: "测试认证中心",
      region: "500000",
      district: "500112",
      accreditationNo: "CNCA-R-2026-001",
    });
    expect(organization.ok).toBe(true);
    if (!organization.ok) return;
    const created = await createUserAction({
      organizationId: organization.data.organizationId,
      name: "Reviewer",
      email: `reviewer-${crypto.randomUUID()}@example.com`,
      role: "reviewer",
      password: "a-long-password",
    });
    expect(created.ok).toBe(true);
  });

  it("refuses a role that does not fit the organization", async () => {
    const admin = await createUser("admin");
    const bureau = await createOrganization("regulator");
    actAs(admin);
    const result = await createUserAction({
      organizationId: bureau.id,
      name: "X",
      email: `x-${crypto.randomUUID()}@example.com`,
      role: "verifier",
      password: "a-long-password",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { role: ["admin.errors.roleNotForOrganization"] } });
  });

  it.each(["enterprise", "verifier", "reviewer", "regulator"] as const)("refuses a %s calling admin actions directly", async (role) => {
    const caller = await createUser(role);
    const target = await createUser("verifier");
    actAs(caller);
    const attempts = [
      await createOrganizationAction({ kind: "regulator", name: "假冒监管局", region: "500000", district: "500112" }),
      await createUserAction({ organizationId: caller.organizationId, name: "X", email: `x-${crypto.randomUUID()}@e.com`, role, password: "a-long-password" }),
      await setUserDisabledAction({ userId: target.id, disabled: true }),
      await changeUserRoleAction({ userId: target.id, role: "reviewer" }),
    ];
    for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false, message: "errors.forbidden" });
    const [unchanged] = await db.select().from(users).where(eq(users.id, target.id));
    expect(unchanged).toMatchObject({ disabled: false, role: "verifier" });
  });

  it("refuses an anonymous caller", async () => {
    const target = await createUser("verifier");
    actAs(null);
    expect(await setUserDisabledAction({ userId: target.id, disabled: true })).toMatchObject({ ok: false, message: "errors.unauthenticated" });
  });
});

describe("sessions follow the database", () => {
  it("refuses a disabled user's session on the next request, and their sign-in", async () => {
    const admin = await createUser("admin");
    const verifier = await createUser("verifier");
    actAs(verifier);
    expect((await getCurrentUser())?.id).toBe(verifier.id);

    actAs(admin);
    expect((await setUserDisabledAction({ userId: verifier.id, disabled: true })).ok).toBe(true);

    actAs(verifier); // the old session claims
    expect(await getCurrentUser()).toBeNull();
    expect(await authenticateWithPassword(verifier.email, TEST_PASSWORD)).toMatchObject({ ok: false });
  });

  it("ends the session of a user whose role changed", async () => {
    const admin = await createUser("admin");
    const verifier = await createUser("verifier");
    actAs(admin);
    expect((await changeUserRoleAction({ userId: verifier.id, role: "reviewer" })).ok).toBe(true);
    actAs(verifier);
    expect(await getCurrentUser()).toBeNull();
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, verifier.id), eq(auditEvents.action, "user.changeRole")));
    expect(events[0]).toMatchObject({ fromStatus: "verifier", toStatus: "reviewer" });
  });
});

describe("sign-in throttling", () => {
  // The 15-minute lock is gone (issue 11, defect 5: anyone could lock anyone out): past the free
  // attempts even the right password is refused — until the attempt brings a solved proof of work.
  it("refuses even the right password after the free attempts, unless it comes with a proof of work", async () => {
    const user = await createUser("enterprise");
    const source = { email: user.email, address: "203.0.113.7" };
    for (let i = 0; i < 10; i++) await reserveSignInAttempt(source, 0);
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: source.address })).toMatchObject({
      ok: false,
      reason: "proofRequired",
    });
    const proof = await solvedProof("sign-in", user.email);
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: source.address, proof })).toMatchObject({ ok: true });
  });
});
