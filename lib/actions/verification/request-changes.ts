"use server";

import { createAction } from "@/lib/actions/validated-action";
import { requestChanges } from "@/lib/domain/verification/request-changes";
import { applicationTransitionSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const requestChangesAction = createAction(requestChanges, {
  schema: applicationTransitionSchema,
  result: (updated) => ({ status: updated.status }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
