"use server";

import { createAction } from "@/lib/actions/validated-action";
import { changeUserRole } from "@/lib/domain/users/change-user-role";
import { changeUserRoleSchema } from "@/lib/validation/schemas/organizations";

/** A new role takes effect on the user's next request: the session version is bumped. */
export const changeUserRoleAction = createAction(changeUserRole, {
  schema: changeUserRoleSchema,
  revalidate: () => ["/admin"],
});
