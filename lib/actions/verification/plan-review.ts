"use server";

import { createAction } from "@/lib/actions/validated-action";
import { planReview } from "@/lib/domain/verification/plan-review";
import { planSchema } from "@/lib/validation/schemas/verification";
import { applicationPaths } from "./paths";

export const planReviewAction = createAction(planReview, {
  schema: planSchema,
  result: (updated) => ({ status: updated.status }),
  revalidate: (input) => applicationPaths(input.applicationId),
});
