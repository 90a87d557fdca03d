"use server";

import { createAction } from "@/lib/actions/validated-action";
import { closeFinding } from "@/lib/domain/verification/close-finding";
import { closeFindingSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const closeFindingAction = createAction("finding.close", {
  schema: closeFindingSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const finding = await closeFinding(tx, { ...input, actor: user });
    return { findingId: finding.id };
  },
});
