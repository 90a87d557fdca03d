"use server";

import { createAction } from "@/lib/actions/validated-action";
import { markNotificationsRead } from "@/lib/domain/notifications/mark-notifications-read";
import { markNotificationsReadSchema } from "@/lib/validation/schemas/notifications";

/** Marks the user's notifications read (organization-wide ones for the whole organization). */
export const markNotificationsReadAction = createAction(markNotificationsRead, {
  schema: markNotificationsReadSchema,
  revalidate: () => ["/", "/notifications"],
});
