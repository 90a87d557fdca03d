"use server";

import { createAction } from "@/lib/actions/validated-action";
import { declareConflict } from "@/lib/domain/verification/declare-conflict";
import { declareConflictSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const declareConflictAction = createAction(declareConflict, {
  schema: declareConflictSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
});
