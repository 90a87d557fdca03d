import type { Role } from "@/db/schema";

/** What the JWT carries; re-checked against the database on every request. */
export type SessionClaims = {
  id: string;
  role: Role;
  organizationId: string;
  sessionVersion: number;
  /** The `user_sessions` row of this sign-in: sign-out and the timeouts end it. */
  sessionId: string;
  /** Absolute end of the session (epoch seconds): no refresh of the cookie goes past it. */
  expiresAt: number;
};
