/**
 * Issue 11, defect 5: 39 wrong passwords and the right one sent together signed in; anyone could
 * lock any account. Now every attempt is counted before its password is checked, free attempts
 * are limited per account and per client address, and past them an attempt needs a proof of
 * work instead of a lock the attacker controls.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { loginThrottle, userSessions } from "@/db/schema";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { ACCOUNT_FREE_ATTEMPTS, ADDRESS_FREE_ATTEMPTS, requiredProofLevel } from "@/lib/auth/throttle";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { solvedProof } from "../support/proof-of-work";

let addressCounter = 0;
/** Each test attacks from an address of its own, so the per-address limit is its own too. */
const freshAddress = () => `203.0.113.${++addressCounter}`;

describe("parallel guessing", () => {
  it("does not sign in with 39 wrong passwords and the right one sent together, and checks at most the free attempts", async () => {
    const user = await createUser("admin");
    const address = freshAddress();
    const attempts = [...Array.from({ length: 39 }, (_, i) => `wrong-password-${i}`), TEST_PASSWORD];
    const results = await Promise.all(attempts.map((password) => authenticateWithPassword(user.email, password, { address })));
    expect(results.at(-1)).toMatchObject({ ok: false });
    expect(results.filter((result) => result.ok)).toHaveLength(0);
    const checked = results.filter((result) => !result.ok && result.reason === "invalid");
    expect(checked.length).toBeLessThanOrEqual(ACCOUNT_FREE_ATTEMPTS);
    expect(results.filter((result) => !result.ok && result.reason === "proofRequired").length).toBeGreaterThanOrEqual(40 - ACCOUNT_FREE_ATTEMPTS);
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, user.id))).toEqual([]);
  });

  it("does not let parallel attempts that each bring a proof reuse one proof", async () => {
    const user = await createUser("enterprise");
    const address = freshAddress();
    for (let i = 0; i < ACCOUNT_FREE_ATTEMPTS; i++) await authenticateWithPassword(user.email, `wrong-${i}-password`, { address });
    const proof = await solvedProof("sign-in", user.email);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => authenticateWithPassword(user.email, `wrong-again-${i}`, { address, proof })),
    );
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(1);
  });
});

describe("no lock an attacker can use", () => {
  it("lets the rightful user in with a solved challenge however many failures an attacker piled up", async () => {
    const user = await createUser("admin");
    const address = freshAddress();
    await db.insert(loginThrottle).values({ email: user.email, failures: 500, lastFailureAt: new Date() });
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: freshAddress() })).toMatchObject({ ok: false, reason: "proofRequired" });
    const level = await requiredProofLevel({ email: user.email, address });
    expect(level).toBeGreaterThan(1);
    const proof = await solvedProof("sign-in", user.email, level);
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address, proof })).toMatchObject({ ok: true });
    // A success starts the account afresh.
    expect(await db.select().from(loginThrottle).where(eq(loginThrottle.email, user.email))).toEqual([]);
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address })).toMatchObject({ ok: true });
  });

  it("asks more work of a proof the more an account has failed", async () => {
    const user = await createUser("enterprise");
    await db.insert(loginThrottle).values({ email: user.email, failures: ACCOUNT_FREE_ATTEMPTS + 15, lastFailureAt: new Date() });
    const tooEasy = await solvedProof("sign-in", user.email, 1);
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: freshAddress(), proof: tooEasy })).toMatchObject({
      ok: false,
      reason: "proofRequired",
      level: 2,
    });
  });

  it("accepts a proof only for the email it was issued for, and only once", async () => {
    const [victim, other] = [await createUser("enterprise"), await createUser("enterprise")];
    await db.insert(loginThrottle).values({ email: victim.email, failures: ACCOUNT_FREE_ATTEMPTS, lastFailureAt: new Date() });
    const forOther = await solvedProof("sign-in", other.email);
    expect(await authenticateWithPassword(victim.email, TEST_PASSWORD, { address: freshAddress(), proof: forOther })).toMatchObject({
      reason: "proofRequired",
    });
    const forVictim = await solvedProof("sign-in", victim.email);
    expect(await authenticateWithPassword(victim.email, "wrong-password-1", { address: freshAddress(), proof: forVictim })).toMatchObject({
      reason: "invalid",
    });
    expect(await authenticateWithPassword(victim.email, TEST_PASSWORD, { address: freshAddress(), proof: forVictim })).toMatchObject({
      reason: "proofRequired",
    });
  });

  it("refuses a forged or tampered proof", async () => {
    const user = await createUser("enterprise");
    await db.insert(loginThrottle).values({ email: user.email, failures: ACCOUNT_FREE_ATTEMPTS, lastFailureAt: new Date() });
    const genuine = JSON.parse(Buffer.from(await solvedProof("sign-in", user.email), "base64").toString("utf8"));
    genuine.challenge.parameters.data.level = 5;
    const tampered = Buffer.from(JSON.stringify(genuine)).toString("base64");
    for (const proof of [tampered, "not-base64-json", Buffer.from("{}").toString("base64")]) {
      expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: freshAddress(), proof })).toMatchObject({ reason: "proofRequired" });
    }
  });

  it("frees the account when its counter is cleared, as a password reset does", async () => {
    const user = await createUser("verifier");
    await db.insert(loginThrottle).values({ email: user.email, failures: 40, lastFailureAt: new Date() });
    await db.delete(loginThrottle).where(eq(loginThrottle.email, user.email));
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: freshAddress() })).toMatchObject({ ok: true });
  });

  it("forgives an account's failures after a quiet hour", async () => {
    const user = await createUser("verifier");
    await db.insert(loginThrottle).values({ email: user.email, failures: 40, lastFailureAt: new Date(Date.now() - 61 * 60_000) });
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: freshAddress() })).toMatchObject({ ok: true });
  });
});

describe("per client address", () => {
  it(`asks for a proof after ${ADDRESS_FREE_ATTEMPTS} failures from one address across accounts (credential stuffing)`, async () => {
    const address = freshAddress();
    for (let i = 0; i < ADDRESS_FREE_ATTEMPTS; i++) {
      expect(await authenticateWithPassword(`nobody-${i}-${crypto.randomUUID()}@example.com`, "guess-password", { address })).toMatchObject({
        reason: "invalid",
      });
    }
    const user = await createUser("enterprise");
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address })).toMatchObject({ reason: "proofRequired", level: 1 });
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address: freshAddress() })).toMatchObject({ ok: true });
    const proof = await solvedProof("sign-in", user.email);
    expect(await authenticateWithPassword(user.email, TEST_PASSWORD, { address, proof })).toMatchObject({ ok: true });
  });

  it("answers an email without an account like a wrong password", async () => {
    const address = freshAddress();
    expect(await authenticateWithPassword(`nobody-${crypto.randomUUID()}@example.com`, TEST_PASSWORD, { address })).toEqual({ ok: false, reason: "invalid" });
  });
});
