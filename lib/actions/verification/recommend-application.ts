"use server";

import { createAction } from "@/lib/actions/validated-action";
import { recommendApplication } from "@/lib/domain/verification/recommend-application";
import { recommendSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const recommendApplicationAction = createAction(recommendApplication, {
  schema: recommendSchema,
  result: (updated) => ({ status: updated.status }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
