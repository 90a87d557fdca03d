/**
 * Issue 12, email built on the outbox: notification emails per preference (off / at once /
 * daily digest) in the user's language, address confirmation at sign-up, password reset by a
 * single-use expiring link (ASVS 5.0 V6.4), and the "new sign-in" and "password changed"
 * notices — each asserted on the messages a real SMTP server on loopback receives.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditEvents, emailTokens, mailOutbox, notifications, users, userSessions } from "@/db/schema";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { requestPasswordResetAction } from "@/lib/actions/account/request-password-reset";
import { resendVerificationAction } from "@/lib/actions/account/resend-verification";
import { resetPasswordAction } from "@/lib/actions/account/reset-password";
import { setMailPreferencesAction } from "@/lib/actions/account/set-mail-preferences";
import { verifyEmailAction } from "@/lib/actions/account/verify-email";
import { signUpAction } from "@/lib/actions/organizations/sign-up";
import { signInAction } from "@/lib/actions/session/sign-in";
import { verifyPassword } from "@/lib/auth/password";
import { openSession } from "@/lib/auth/sessions";
import { executeOperation } from "@/lib/domain/operation";
import { resetPassword } from "@/lib/domain/users/reset-password";
import { deliverPendingMail } from "@/lib/mail/deliver";
import { sendDailyDigests } from "@/lib/mail/digests";
import { smtpTransportFromEnv } from "@/lib/mail/transport";
import { notify } from "@/lib/notifications/notify";
import { actAs, createUser, randomCreditCode, signUpFields, TEST_PASSWORD } from "../support/factories";
import { solvedProof } from "../support/proof-of-work";
import { startLoopbackSmtp, type LoopbackSmtp, type ReceivedMail } from "../support/smtp-server";

// Auth.js needs a browser round trip; what matters here is what happens once it accepted the password.
vi.mock("@/lib/auth", () => ({ signIn: async () => undefined, signOut: async () => undefined }));

let smtp: LoopbackSmtp;
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const STRONG = "amber-lantern-orchard-7";
const NEWER = "violet-harbour-compass-42";

function request(headers: Record<string, string>) {
  const state = (globalThis as unknown as { __carbonlabelSession: { requestHeaders: Headers } }).__carbonlabelSession;
  state.requestHeaders = new Headers(headers);
}

beforeEach(() => request({ "x-forwarded-for": "192.0.2.10" }));

/** Sends everything due through the loopback relay and returns what arrived for `email`. */
async function deliveredTo(email: string, now?: Date): Promise<ReceivedMail[]> {
  while ((await deliverPendingMail({ transport: smtpTransportFromEnv({ SMTP_URL: smtp.url }), now })).attempted > 0);
  return smtp.received.filter((mail) => mail.to.includes(email));
}

function linkToken(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return decodeURIComponent(match[1]);
}

async function verifiedUser(overrides: Parameters<typeof createUser>[2] = {}) {
  return createUser("enterprise", undefined, { emailVerifiedAt: new Date(), ...overrides });
}

describe("notification emails follow the user's preference", () => {
  it("saves the preference and language (audited); anonymous callers are refused", async () => {
    const user = await verifiedUser();
    actAs(null);
    expect((await setMailPreferencesAction({ mailPreference: "off", locale: "en" })).ok).toBe(false);
    actAs(user);
    expect(await setMailPreferencesAction({ mailPreference: "bogus" as never, locale: "en" })).toMatchObject({ ok: false, message: "errors.validation" });
    expect(await setMailPreferencesAction({ mailPreference: "daily", locale: "en" })).toEqual({ ok: true, data: { mailPreference: "daily", locale: "en" } });
    const [row] = await db.select({ mailPreference: users.mailPreference, locale: users.locale }).from(users).where(eq(users.id, user.id));
    expect(row).toEqual({ mailPreference: "daily", locale: "en" });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.setMailPreferences"), eq(auditEvents.entityId, user.id)))).toHaveLength(1);
  });

  it("emails at once, not at all, or not to an unconfirmed address", async () => {
    const organizationUsers = {
      immediate: await verifiedUser({ locale: "en" }),
      off: await verifiedUser({ mailPreference: "off" }),
      unverified: await createUser("enterprise", undefined, { emailVerifiedAt: null }),
    };
    for (const user of Object.values(organizationUsers)) {
      await db.transaction((tx) => notify(tx, { organizationId: user.organizationId, userId: user.id, kind: "applicationAccepted", params: { productEn: "Laptop X1", product: "笔记本 X1" } }));
    }
    const arrived = await deliveredTo(organizationUsers.immediate.email);
    expect(arrived).toHaveLength(1);
    expect(arrived[0].text).toContain("Your application for Laptop X1 was accepted by the verification body.");
    expect(arrived[0].text).toContain("/notifications");
    for (const user of [organizationUsers.off, organizationUsers.unverified]) {
      expect(await db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id))).toHaveLength(0);
      expect(await db.select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(1);
    }
  });

  it("sends a daily digest of the previous day once per user, in their language", async () => {
    const reader = await verifiedUser({ mailPreference: "daily", locale: "zh-CN" });
    const yesterday = new Date("2026-03-09T02:00:00Z"); // 10:00 on 9 March in Shanghai
    await db.insert(notifications).values([
      { organizationId: reader.organizationId, userId: reader.id, kind: "applicationAccepted", params: { productEn: "Laptop X1", product: "笔记本 X1" }, createdAt: yesterday },
      { organizationId: reader.organizationId, kind: "certificateReinstated", params: { number: "CFP-CQ-2026-000123" }, createdAt: yesterday },
      // the day before: not in this digest
      { organizationId: reader.organizationId, userId: reader.id, kind: "certificateReinstated", params: { number: "CFP-CQ-2026-999999" }, createdAt: new Date("2026-03-08T10:00:00Z") },
    ]);
    // Not emailed at once: the digest carries them.
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.userId, reader.id))).toHaveLength(0);
    const today = new Date("2026-03-10T01:00:00Z"); // 09:00 on 10 March in Shanghai
    expect((await sendDailyDigests(today)).day).toBe("2026-03-09");
    await sendDailyDigests(today);
    const digests = await deliveredTo(reader.email);
    expect(digests).toHaveLength(1);
    expect(digests[0].language).toBe("zh-CN");
    expect(digests[0].subject).toBe("碳标签平台：2026-03-09 的通知（2 条）");
    expect(digests[0].text).toContain("CFP-CQ-2026-000123");
    expect(digests[0].text).not.toContain("CFP-CQ-2026-999999");
    expect(digests[0].html).toContain("CFP-CQ-2026-000123");
  });
});

describe("address confirmation at sign-up", () => {
  it("sends the link in the language of the sign-up; it confirms the address once", async () => {
    actAs(null);
    request({ "x-forwarded-for": "198.18.1.1", "accept-language": "en-GB,en;q=0.9" });
    const email = `founder-${crypto.randomUUID()}@example.com`;
    const signedUp = await signUpAction({
      name: "Liu Yang",
      email,
      ...signUpFields(STRONG),
      organizationName: "Chongqing Mail Test Co.",
      creditCode: randomCreditCode(),
      region: "500000",
      district: "500106",
      proof: await solvedProof("sign-up"),
    });
    expect(signedUp.ok).toBe(true);
    const [account] = await db.select().from(users).where(eq(users.email, email));
    expect(account).toMatchObject({ locale: "en", emailVerifiedAt: null });
    const [mail] = await deliveredTo(email);
    expect(mail.subject).toBe("CarbonLabel: confirm your email address");
    expect(mail.language).toBe("en");
    const token = linkToken(mail, "/verify-email");
    expect(mail.html).toContain(`/verify-email?token=${encodeURIComponent(token)}`);
    // Only the hash rests in the database, and the outbox row no longer holds the sealed token.
    const tokens = await db.select().from(emailTokens).where(eq(emailTokens.userId, account.id));
    expect(tokens.map((row) => row.tokenHash)).not.toContain(token);
    const [row] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.userId, account.id), eq(mailOutbox.kind, "verifyEmail")));
    expect(row.sealedSecret).toBeNull();
    expect(row.textBody).not.toContain(token);

    expect(await verifyEmailAction({ token })).toEqual({ ok: true, data: { verified: true } });
    expect(await verifyEmailAction({ token })).toEqual({ ok: false, message: "security.verifyEmail.invalidLink" });
    expect(await verifyEmailAction({ token: "made-up" })).toEqual({ ok: false, message: "security.verifyEmail.invalidLink" });
    const [confirmed] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, account.id));
    expect(confirmed.at).not.toBeNull();
  });

  it("resends a link (the older one stops working), not twice a minute, not once confirmed", async () => {
    const user = await createUser("enterprise", undefined, { emailVerifiedAt: null, locale: "zh-CN" });
    actAs(null);
    expect((await resendVerificationAction({})).ok).toBe(false);
    actAs(user);
    expect(await resendVerificationAction({})).toEqual({ ok: true, data: { sent: true } });
    expect(await resendVerificationAction({})).toEqual({ ok: false, message: "security.verifyEmail.tooSoon" });
    const [first] = await deliveredTo(user.email);
    expect(first.language).toBe("zh-CN");
    expect(first.subject).toBe("碳标签平台：请确认您的邮箱地址");
    const oldToken = linkToken(first, "/verify-email");
    await db.update(emailTokens).set({ createdAt: new Date(Date.now() - 120_000) }).where(eq(emailTokens.userId, user.id));
    expect((await resendVerificationAction({})).ok).toBe(true);
    const [, second] = await deliveredTo(user.email);
    expect(await verifyEmailAction({ token: oldToken })).toEqual({ ok: false, message: "security.verifyEmail.invalidLink" });
    expect((await verifyEmailAction({ token: linkToken(second, "/verify-email") })).ok).toBe(true);
    expect(await resendVerificationAction({})).toEqual({ ok: false, message: "security.verifyEmail.alreadyVerified" });
  });

  it("refuses an expired link", async () => {
    const user = await createUser("enterprise", undefined, { emailVerifiedAt: null });
    actAs(user);
    expect((await resendVerificationAction({})).ok).toBe(true);
    const [mail] = await deliveredTo(user.email);
    await db.update(emailTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(emailTokens.userId, user.id));
    expect(await verifyEmailAction({ token: linkToken(mail, "/verify-email") })).toEqual({ ok: false, message: "security.verifyEmail.invalidLink" });
  });
});

describe("password reset by a single-use, expiring link", () => {
  it("answers the same for an unknown email, a disabled account and a real one; only the real one gets mail", async () => {
    actAs(null);
    const real = await verifiedUser({ locale: "en" });
    const disabled = await verifiedUser({ disabled: true });
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;
    const answers = [await requestPasswordResetAction({ email: real.email }), await requestPasswordResetAction({ email: unknown }), await requestPasswordResetAction({ email: disabled.email })];
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toEqual({ ok: true, data: { requested: true } });
    expect(await deliveredTo(real.email)).toHaveLength(1);
    expect(await deliveredTo(unknown)).toHaveLength(0);
    expect(await deliveredTo(disabled.email)).toHaveLength(0);
  });

  it("sets the new password once, ends every session, voids other links and says so by email", async () => {
    const user = await verifiedUser({ locale: "en" });
    const sessions = [await openSession(user.id), await openSession(user.id)];
    actAs(null);
    await requestPasswordResetAction({ email: user.email });
    const [mail] = await deliveredTo(user.email);
    expect(mail.subject).toBe("CarbonLabel: reset your password");
    expect(mail.text).toContain("expires in 30 minutes");
    const token = linkToken(mail, "/reset-password");

    expect(await resetPasswordAction({ token, newPassword: "password", confirmPassword: "password" })).toMatchObject({ ok: false, message: "errors.validation" });
    expect(await resetPasswordAction({ token, newPassword: NEWER, confirmPassword: NEWER })).toEqual({ ok: true, data: { reset: true } });
    expect(await resetPasswordAction({ token, newPassword: STRONG, confirmPassword: STRONG })).toEqual({ ok: false, message: "security.reset.invalidLink" });

    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(after.passwordHash, NEWER)).toBe(true);
    const open = await db.select().from(userSessions).where(eq(userSessions.userId, user.id));
    expect(open.filter((session) => sessions.some((s) => s.sessionId === session.id)).every((session) => session.endedAt !== null)).toBe(true);
    const notices = (await deliveredTo(user.email)).filter((received) => received.subject === "CarbonLabel: your password was changed");
    expect(notices).toHaveLength(1);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.resetPassword"), eq(auditEvents.entityId, user.id)))).toHaveLength(1);
  });

  it("refuses a link after 30 minutes, a newer link's predecessor, and any link once the password changed", async () => {
    const user = await verifiedUser();
    actAs(null);
    await requestPasswordResetAction({ email: user.email });
    const [first] = await deliveredTo(user.email);
    const firstToken = linkToken(first, "/reset-password");
    const expired = await executeOperation(resetPassword, null, { token: firstToken, newPasswordHash: "x", now: new Date(Date.now() + 31 * 60_000) });
    expect(expired.ok).toBe(false);

    // A newer link replaces the first one.
    await db.update(emailTokens).set({ createdAt: new Date(Date.now() - 120_000) }).where(eq(emailTokens.userId, user.id));
    await requestPasswordResetAction({ email: user.email });
    const second = (await deliveredTo(user.email))[1];
    expect(await resetPasswordAction({ token: firstToken, newPassword: NEWER, confirmPassword: NEWER })).toEqual({ ok: false, message: "security.reset.invalidLink" });

    // Changing the password while signed in voids the outstanding link too.
    actAs(user);
    expect((await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEWER, confirmPassword: NEWER })).ok).toBe(true);
    actAs(null);
    expect(await resetPasswordAction({ token: linkToken(second, "/reset-password"), newPassword: STRONG, confirmPassword: STRONG })).toEqual({
      ok: false,
      message: "security.reset.invalidLink",
    });
    const changed = (await deliveredTo(user.email)).filter((received) => received.subject.includes("密码已更改"));
    expect(changed).toHaveLength(1);
    // The in-app notice stays; it is not emailed a second time as a notification.
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.kind, "account.passwordChanged")))).toHaveLength(1);
    expect((await deliveredTo(user.email)).filter((received) => received.subject.includes("新通知"))).toHaveLength(0);
  });
});

describe("the new sign-in notice", () => {
  it("is emailed after a sign-in, whatever the notification preference, naming the address", async () => {
    const user = await verifiedUser({ mailPreference: "off", locale: "en" });
    request({ "x-forwarded-for": "203.0.113.77" });
    expect((await signInAction({ email: user.email, password: TEST_PASSWORD })).ok).toBe(true);
    const [mail] = await deliveredTo(user.email);
    expect(mail.subject).toBe("CarbonLabel: a new sign-in to your account");
    expect(mail.text).toContain("203.0.113.77");
    expect(mail.text).toContain("/forgot-password");
  });
});
