"use server";

import { createAction } from "@/lib/actions/validated-action";
import { planReview } from "@/lib/domain/verification/plan-review";
import { planSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const planReviewAction = createAction("application.plan", {
  schema: planSchema,
  revalidate: (input) => applicationPaths(input.applicationId),
  run: async ({ user, input, tx }) => {
    const updated = await planReview(tx, { ...input, actor: user });
    return { status: updated.status };
  },
});
