"use server";

import { createAction } from "@/lib/actions/validated-action";
import { setMailPreferences } from "@/lib/domain/users/set-mail-preferences";
import { mailPreferencesSchema } from "@/lib/validation/schemas/account";

/** Saves how the signed-in user gets notifications by email, and the language of their emails. */
export const setMailPreferencesAction = createAction(setMailPreferences, {
  schema: mailPreferencesSchema,
  revalidate: () => ["/account/preferences"],
});
