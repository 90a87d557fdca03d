"use server";

import { createAction } from "@/lib/actions/validated-action";
import { revokeApiClient } from "@/lib/domain/api-clients/revoke-api-client";
import { apiClientIdSchema } from "@/lib/validation/schemas/api-clients";
import { ALL_API_CLIENT_PATHS } from "./paths";

export const revokeApiClientAction = createAction(revokeApiClient, {
  schema: apiClientIdSchema,
  revalidate: () => ALL_API_CLIENT_PATHS,
});
