"use server";

import { createAction } from "@/lib/actions/validated-action";
import { declineApplication } from "@/lib/domain/verification/decline-application";
import { declineSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const declineApplicationAction = createAction("application.decline", {
  schema: declineSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const updated = await declineApplication(tx, { ...input, actor: user });
    return { status: updated.status };
  },
});
