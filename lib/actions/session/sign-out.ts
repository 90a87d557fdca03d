"use server";

import { signOut } from "@/lib/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSessionClaims } from "@/lib/auth/session";
import { executeOperation } from "@/lib/domain/operation";
import { endSession } from "@/lib/domain/sessions/end-session";

/** Ends this session in the database (a copied cookie stops working too), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const [claims, user] = await Promise.all([getSessionClaims(), getCurrentUser()]);
  if (claims?.sessionId && user) {
    const outcome = await executeOperation(endSession, user, { sessionId: claims.sessionId });
    if (!outcome.ok) console.error("[sign-out] the session could not be ended:", outcome.error.message);
  }
  await signOut({ redirectTo: "/" });
}
