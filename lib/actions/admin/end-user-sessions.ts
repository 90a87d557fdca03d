"use server";

import { createAction } from "@/lib/actions/validated-action";
import { endUserSessions } from "@/lib/domain/users/end-user-sessions";
import { endUserSessionsSchema } from "@/lib/validation/schemas/organizations";

/** The operator signs a user out of every session. */
export const endUserSessionsAction = createAction(endUserSessions, {
  schema: endUserSessionsSchema,
  revalidate: () => ["/admin"],
});
