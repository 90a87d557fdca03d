"use server";

import { createAction } from "@/lib/actions/validated-action";
import { verifyEmail } from "@/lib/domain/users/verify-email";
import { verifyEmailSchema } from "@/lib/validation/schemas/account";

/** Confirms an email address with the link sent to it. */
export const verifyEmailAction = createAction(verifyEmail, { schema: verifyEmailSchema });
