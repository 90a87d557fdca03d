"use server";

import { createAction } from "@/lib/actions/validated-action";
import { rotateApiClientSecret } from "@/lib/domain/api-clients/rotate-api-client-secret";
import { apiClientIdSchema } from "@/lib/validation/schemas/api-clients";
import { ALL_API_CLIENT_PATHS } from "./paths";

export const rotateApiClientSecretAction = createAction(rotateApiClientSecret, {
  schema: apiClientIdSchema,
  revalidate: () => ALL_API_CLIENT_PATHS,
});
