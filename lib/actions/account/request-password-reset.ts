"use server";

import { createAction } from "@/lib/actions/validated-action";
import { requestPasswordReset } from "@/lib/domain/users/request-password-reset";
import { requestPasswordResetSchema } from "@/lib/validation/schemas/account";

/** Asks for a reset link; the answer is the same whether the email has an account or not. */
export const requestPasswordResetAction = createAction(requestPasswordReset, { schema: requestPasswordResetSchema });
