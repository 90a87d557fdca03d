"use server";

import { createAction } from "@/lib/actions/validated-action";
import { declineApplication } from "@/lib/domain/verification/decline-application";
import { declineSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const declineApplicationAction = createAction(declineApplication, {
  schema: declineSchema,
  result: (updated) => ({ status: updated.status }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
