"use server";

import { createAction } from "@/lib/actions/validated-action";
import { hashPassword } from "@/lib/auth/password";
import { resetPassword } from "@/lib/domain/users/reset-password";
import { withStrongPassword } from "@/lib/validation/password-strength";
import { resetPasswordSchema } from "@/lib/validation/schemas/account";

/** Sets a new password with an emailed reset link; every session of the account ends. */
export const resetPasswordAction = createAction(resetPassword, {
  schema: withStrongPassword(resetPasswordSchema, "newPassword", () => []),
  // Argon2 is slow on purpose: hash before the transaction opens.
  prepare: async ({ token, newPassword }) => ({ token, newPasswordHash: await hashPassword(newPassword) }),
  result: () => ({ reset: true }),
});
