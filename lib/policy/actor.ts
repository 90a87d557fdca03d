import type { ApiScope, OrganizationKind, UserRole } from "@/lib/enums";

/**
 * What an API client was granted: its scopes (mapped onto the permission table in
 * ./permissions.ts) and, for PACT, which of its organization's certified footprints it may read.
 */
type ApiClientGrant = {
  id: string;
  name: string;
  scopes: readonly ApiScope[];
  /** Every certified footprint of the organization, or only those of the listed certificate ids. */
  footprints: "all" | readonly string[];
};

/**
 * A signed-in person, re-read from the database on every request — or an API client acting as
 * the member of its organization who created it (`apiClient` set): the same role, organization
 * and region decide, narrowed by the client's scopes.
 */
export type UserActor = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
  /** The organization's English name, where it has one (pages in English show it; operations record `organizationName`). */
  organizationNameEn?: string | null;
  region: string;
  district: string | null;
  apiClient?: ApiClientGrant;
};

/** A request authenticated with an API client's access token. */
export type ApiClientActor = UserActor & { apiClient: ApiClientGrant };

/**
 * The platform itself, acting from a background job (expiry, reminders, event
 * delivery). It holds only the permissions the table names for `system`.
 */
type SystemActor = { role: "system"; id: null; job: string };

export type Actor = UserActor | SystemActor;
export type ActorRole = Actor["role"];

export function systemActor(job: string): SystemActor {
  return { role: "system", id: null, job };
}

export function isUserActor(actor: Actor | null | undefined): actor is UserActor {
  return !!actor && actor.role !== "system";
}

export function isApiClientActor(actor: Actor | null | undefined): actor is ApiClientActor {
  return isUserActor(actor) && !!actor.apiClient;
}
