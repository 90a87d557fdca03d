import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, throttleStateFor } from "./throttle";
import type { SessionClaims } from "./session-claims";

export type AuthenticationResult =
  | { ok: true; claims: SessionClaims }
  | { ok: false; reason: "invalid" | "locked" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks an email + password, slowing down and then refusing repeated failures. */
export async function authenticateWithPassword(
  rawEmail: string,
  password: string,
): Promise<AuthenticationResult> {
  const email = rawEmail.trim().toLowerCase();
  const throttle = await throttleStateFor(email);
  if (throttle.locked) return { ok: false, reason: "locked" };
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = user ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !valid || user.disabled) {
    await recordFailedSignIn(email);
    return { ok: false, reason: "invalid" };
  }
  await clearFailedSignIns(email);
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return {
    ok: true,
    claims: {
      id: user.id,
      role: user.role,
      organizationId: user.organizationId,
      sessionVersion: user.sessionVersion,
    },
  };
}
