"use server";

import { createAction } from "@/lib/actions/validated-action";
import { raiseFinding } from "@/lib/domain/verification/raise-finding";
import { raiseFindingSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const raiseFindingAction = createAction("finding.raise", {
  schema: raiseFindingSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const finding = await raiseFinding(tx, { ...input, actor: user });
    return { findingId: finding.id };
  },
});
