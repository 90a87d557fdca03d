"use server";

import { createAction } from "@/lib/actions/validated-action";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/domain/users/create-user";
import { withStrongPassword } from "@/lib/validation/password-strength";
import { createUserSchema } from "@/lib/validation/schemas/organizations";

/** The operator creates a user in any organization, with a role that organization's kind allows. */
export const createUserAction = createAction(createUser, {
  schema: withStrongPassword(createUserSchema, "password", (value) => [value.email, value.name]),
  // Argon2 is slow on purpose: hash before the transaction opens.
  prepare: async ({ password, ...input }) => ({ ...input, passwordHash: await hashPassword(password) }),
  revalidate: () => ["/admin"],
});
