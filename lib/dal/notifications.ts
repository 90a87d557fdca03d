import "server-only";
import { and, count, desc, eq, isNull, or, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCan } from "@/lib/policy";

const NOTIFICATIONS_SHOWN = 50;

/** Notifications addressed to the user's organization as a whole or to the user. */
export function notificationScope(user: CurrentUser): SQL {
  return and(
    eq(notifications.organizationId, user.organizationId),
    or(isNull(notifications.userId), eq(notifications.userId, user.id)),
  )!;
}

export async function countUnreadNotifications(user: CurrentUser): Promise<number> {
  assertCan(user, "notification.read");
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(notificationScope(user), isNull(notifications.readAt)));
  return row.unread;
}

export async function listNotifications(user: CurrentUser) {
  assertCan(user, "notification.read");
  return db
    .select()
    .from(notifications)
    .where(notificationScope(user))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_SHOWN);
}
