"use server";

import { createAction } from "@/lib/actions/validated-action";
import { raiseFinding } from "@/lib/domain/verification/raise-finding";
import { raiseFindingSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const raiseFindingAction = createAction(raiseFinding, {
  schema: raiseFindingSchema,
  result: (finding) => ({ findingId: finding.id }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
