"use server";

import { createAction } from "@/lib/actions/validated-action";
import { createApiClient } from "@/lib/domain/api-clients/create-api-client";
import { createApiClientSchema } from "@/lib/validation/schemas/api-clients";
import { ALL_API_CLIENT_PATHS } from "./paths";

export const createApiClientAction = createAction(createApiClient, {
  schema: createApiClientSchema,
  revalidate: () => ALL_API_CLIENT_PATHS,
});
