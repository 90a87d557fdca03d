"use server";

import { createAction } from "@/lib/actions/validated-action";
import { resendVerification } from "@/lib/domain/users/resend-verification";
import { noInputSchema } from "@/lib/validation/schemas/auth";

/** Sends the signed-in user a new link that confirms their email address. */
export const resendVerificationAction = createAction(resendVerification, { schema: noInputSchema });
