import type { OrganizationKind } from "@/lib/enums";

/** Where each kind of organization manages its API clients. */
const API_CLIENTS_PATH: Partial<Record<OrganizationKind, string>> = {
  enterprise: "/enterprise/api-clients",
  verification_body: "/verifier/api-clients",
  regulator: "/regulator/api-clients",
};

export const ALL_API_CLIENT_PATHS = Object.values(API_CLIENTS_PATH);
