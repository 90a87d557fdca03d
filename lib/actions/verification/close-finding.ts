"use server";

import { createAction } from "@/lib/actions/validated-action";
import { closeFinding } from "@/lib/domain/verification/close-finding";
import { closeFindingSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const closeFindingAction = createAction(closeFinding, {
  schema: closeFindingSchema,
  result: (finding) => ({ findingId: finding.id }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
