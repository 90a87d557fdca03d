import "server-only";
import { auth } from "./index";
import type { SessionClaims } from "./session-claims";

/** The signed-in user's claims from the session cookie (not yet re-checked). */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  return session?.claims ?? null;
}
