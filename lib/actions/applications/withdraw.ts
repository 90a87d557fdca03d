"use server";

import { createAction } from "@/lib/actions/validated-action";
import { withdrawSubmission } from "@/lib/domain/applications/withdraw-submission";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";

/** Withdraws a submission the verification body has not accepted yet. */
export const withdrawSubmissionAction = createAction("application.withdrawSubmission", {
  schema: applicationIdSchema,
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`, "/enterprise", "/verifier"],
  run: async ({ user, input, tx }) => {
    await withdrawSubmission(tx, user, input.applicationId);
    return { applicationId: input.applicationId };
  },
});
