import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { redeemProof } from "./proof-of-work";
import { openSession } from "./sessions";
import type { SessionClaims } from "./session-claims";
import { recordSignInSuccess, requiredProofLevel, reserveSignInAttempt } from "./throttle";

type AuthenticationResult =
  | { ok: true; claims: SessionClaims }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "proofRequired"; level: number };

type AttemptContext = {
  /** The client address (lib/auth/client-address.ts); "unknown" shares one bucket. */
  address?: string;
  /** A solved sign-in challenge for this email (base64 ALTCHA payload), when one was asked for. */
  proof?: string;
};

/** Checked when no account has the email, so that the answer takes as long as for a real one. */
let decoyHash: Promise<string> | null = null;

/**
 * Checks an email + password. The attempt is counted before the password is looked at (see
 * throttle.ts); once the free attempts are used up it must come with a solved proof of work.
 * A right password opens a new session (a new id on every sign-in).
 */
export async function authenticateWithPassword(
  rawEmail: string,
  password: string,
  { address = "unknown", proof }: AttemptContext = {},
): Promise<AuthenticationResult> {
  const email = rawEmail.trim().toLowerCase();
  const source = { email, address };
  const proofLevel = proof ? await redeemProof(proof, { purpose: "sign-in", subject: email }) : 0;
  if (!(await reserveSignInAttempt(source, proofLevel))) {
    return { ok: false, reason: "proofRequired", level: await requiredProofLevel(source) };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email));
  decoyHash ??= hashPassword(crypto.randomUUID());
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !valid || user.disabled) return { ok: false, reason: "invalid" };

  await recordSignInSuccess(source);
  const now = new Date();
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  const session = await openSession(user.id, now);
  return {
    ok: true,
    claims: {
      id: user.id,
      role: user.role,
      organizationId: user.organizationId,
      sessionVersion: user.sessionVersion,
      sessionId: session.sessionId,
      expiresAt: Math.floor(session.expiresAt.getTime() / 1_000),
    },
  };
}
