"use server";

import { createAction } from "@/lib/actions/validated-action";
import { requestChanges } from "@/lib/domain/verification/request-changes";
import { applicationTransitionSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const requestChangesAction = createAction("application.requestChanges", {
  schema: applicationTransitionSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const updated = await requestChanges(tx, { ...input, actor: user });
    return { status: updated.status };
  },
});
