"use server";

import { requestLocale } from "@/lib/actions/request-locale";
import { createAction } from "@/lib/actions/validated-action";
import { hashPassword } from "@/lib/auth/password";
import { assertHumanSignUp } from "@/lib/auth/sign-up-guard";
import { registerEnterprise } from "@/lib/domain/organizations/register-enterprise";
import { withStrongPassword } from "@/lib/validation/password-strength";
import { signUpSchema } from "@/lib/validation/schemas/organizations";

/** Registers an enterprise and its first user; the form then signs that user in. */
export const signUpAction = createAction(registerEnterprise, {
  schema: withStrongPassword(signUpSchema, "password", (value) => [value.email, value.name, value.organizationName, value.mobile]),
  // A proof of work and the per-address allowance first; Argon2 is slow on purpose: hash before the transaction opens.
  // The operation gets exactly these fields: not the password, its confirmation (only a guard against a typo,
  // checked by signUpSchema) or the proof.
  prepare: async ({ password, proof, name, email, mobile, consent, organizationName, creditCode, region, district }) => {
    await assertHumanSignUp(proof);
    return {
      name,
      email,
      mobile,
      consent,
      organizationName,
      creditCode,
      region,
      district,
      passwordHash: await hashPassword(password),
      locale: await requestLocale(),
    };
  },
});
