import type { Role } from "@/db/schema";

/** What the JWT carries; re-checked against the database on every request. */
export type SessionClaims = {
  id: string;
  role: Role;
  organizationId: string;
  sessionVersion: number;
};
