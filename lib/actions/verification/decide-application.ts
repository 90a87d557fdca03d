"use server";

import { createAction } from "@/lib/actions/validated-action";
import { decideApplication } from "@/lib/domain/verification/decide-application";
import { decideSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const decideApplicationAction = createAction(decideApplication, {
  schema: decideSchema,
  result: ({ application, certificateId }) => ({ status: application.status, certificateId }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
