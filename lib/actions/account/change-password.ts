"use server";

import { createAction } from "@/lib/actions/validated-action";
import { hashPassword } from "@/lib/auth/password";
import { getSessionClaims } from "@/lib/auth/session";
import { takePasswordCheck } from "@/lib/auth/sessions";
import { changePassword } from "@/lib/domain/users/change-password";
import { OperationError, UnauthenticatedError } from "@/lib/errors";
import { withStrongPassword } from "@/lib/validation/password-strength";
import { changePasswordSchema } from "@/lib/validation/schemas/auth";

/** Changes the signed-in user's password; their other sessions end. */
export const changePasswordAction = createAction(changePassword, {
  schema: withStrongPassword(changePasswordSchema, "newPassword", () => []),
  // Each check of the current password is counted outside the transaction (a refusal rolls
  // back), so a stolen session cannot guess it for long; Argon2 hashing stays outside too.
  prepare: async ({ currentPassword, newPassword }) => {
    const claims = await getSessionClaims();
    if (!claims?.sessionId) throw new UnauthenticatedError();
    if (!(await takePasswordCheck(claims.sessionId))) {
      throw new OperationError("errors.validation", { currentPassword: ["security.password.tooManyChecks"] });
    }
    return { currentPassword, newPasswordHash: await hashPassword(newPassword), currentSessionId: claims.sessionId };
  },
  result: (output) => output,
});
