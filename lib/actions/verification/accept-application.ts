"use server";

import { createAction } from "@/lib/actions/validated-action";
import { acceptApplication } from "@/lib/domain/verification/accept-application";
import { applicationTransitionSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const acceptApplicationAction = createAction("application.accept", {
  schema: applicationTransitionSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const updated = await acceptApplication(tx, { ...input, actor: user });
    return { status: updated.status };
  },
});
