"use server";

import { createAction } from "@/lib/actions/validated-action";
import { acceptApplication } from "@/lib/domain/verification/accept-application";
import { applicationTransitionSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const acceptApplicationAction = createAction(acceptApplication, {
  schema: applicationTransitionSchema,
  result: (updated) => ({ status: updated.status }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
