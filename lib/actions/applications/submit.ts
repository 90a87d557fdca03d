"use server";

import { createAction } from "@/lib/actions/validated-action";
import { submitApplication } from "@/lib/domain/applications/submit-application";
import { submitApplicationSchema } from "@/lib/validation/schemas/applications";

/** 认证委托: submits the application to the chosen verification body. */
export const submitApplicationAction = createAction(submitApplication, {
  schema: submitApplicationSchema,
  result: ({ submissionId }) => ({ submissionId }),
  revalidate: (input) => [`/enterprise/applications/${input.applicationId}`, "/enterprise", "/verifier"],
});
