"use server";

import { createAction } from "@/lib/actions/validated-action";
import { verifyRemainingLines } from "@/lib/domain/verification/verify-remaining-lines";
import { verifyRemainingLinesSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const verifyRemainingLinesAction = createAction(verifyRemainingLines, {
  schema: verifyRemainingLinesSchema,
  result: ({ verified }) => ({ verified }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
