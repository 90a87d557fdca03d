"use server";

import { createAction } from "@/lib/actions/validated-action";
import { respondToFinding } from "@/lib/domain/verification/respond-to-finding";
import { respondToFindingSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

/** The enterprise answers a finding of the verification body. */
export const respondToFindingAction = createAction(respondToFinding, {
  schema: respondToFindingSchema,
  revalidate: (_input, data) => applicationPaths(data.applicationId),
});
