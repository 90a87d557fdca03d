"use server";

import { createAction } from "@/lib/actions/validated-action";
import { setUserDisabled } from "@/lib/domain/users/set-user-disabled";
import { setUserDisabledSchema } from "@/lib/validation/schemas/organizations";

/** Disabling bumps the session version, so the user's open sessions end on their next request. */
export const setUserDisabledAction = createAction(setUserDisabled, {
  schema: setUserDisabledSchema,
  revalidate: () => ["/admin"],
});
