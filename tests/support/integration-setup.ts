/**
 * Server actions run outside Next here: the session comes from `actAs`
 * (then re-checked against the database like in production) and cache
 * revalidation is a no-op.
 */
import { afterAll, vi } from "vitest";
import type { SessionClaims } from "@/lib/auth/session-claims";

const sessionState = vi.hoisted(() => ({ claims: null as SessionClaims | null }));

vi.mock("@/lib/auth/session", () => ({
  getSessionClaims: async () => sessionState.claims,
}));

vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
}));

(globalThis as { __carbonlabelSession?: typeof sessionState }).__carbonlabelSession = sessionState;

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
});
