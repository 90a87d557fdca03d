"use server";

import { createAction } from "@/lib/actions/validated-action";
import { verifyLine } from "@/lib/domain/verification/verify-line";
import { verifyLineSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const verifyLineAction = createAction(verifyLine, {
  schema: verifyLineSchema,
  result: (line) => ({ lineId: line.id }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
