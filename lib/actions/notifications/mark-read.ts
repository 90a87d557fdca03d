"use server";

import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { createAction } from "@/lib/actions/validated-action";
import { notificationScope } from "@/lib/dal/notifications";
import { markNotificationsReadSchema } from "@/lib/validation/schemas/notifications";

/** Marks the user's notifications read (organization-wide ones for the whole organization). */
export const markNotificationsReadAction = createAction("notification.read", {
  schema: markNotificationsReadSchema,
  revalidate: () => ["/", "/notifications"],
  run: async ({ user, input, tx }) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          notificationScope(user),
          isNull(notifications.readAt),
          input.notificationId ? eq(notifications.id, input.notificationId) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    return { marked: rows.length };
  },
});
