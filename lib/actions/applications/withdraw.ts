"use server";

import { createAction } from "@/lib/actions/validated-action";
import { withdrawSubmission } from "@/lib/domain/applications/withdraw-submission";
import { applicationIdSchema } from "@/lib/validation/schemas/applications";

/** Withdraws a submission the verification body has not accepted yet. */
export const withdrawSubmissionAction = createAction(withdrawSubmission, {
  schema: applicationIdSchema,
  result: (_updated, input) => ({ applicationId: input.applicationId }),
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`, "/enterprise", "/verifier"],
});
