import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import { assertCan, type UserActor } from "@/lib/policy";
import type { NotificationResource } from "@/lib/validation/schemas/api";
import { beforeCursor, pageFrom, type NewestFirstCursor } from "./scope";

/**
 * The organization's notifications, newest first. A client sees those addressed to the whole
 * organization only: one addressed to its creator in person is not the machine's to read.
 */
export async function listApiNotifications(actor: UserActor, page: { limit: number; after?: NewestFirstCursor }) {
  assertCan(actor, "notification.read");
  const rows = await db
    .select({ notification: notifications, at: sql<string>`${notifications.createdAt}::text` })
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, actor.organizationId),
        isNull(notifications.userId),
        beforeCursor(notifications.createdAt, notifications.id, page.after),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
  return pageFrom(
    rows,
    page.limit,
    ({ notification }): NotificationResource => ({
      id: notification.id,
      kind: notification.kind,
      applicationId: notification.applicationId,
      certificateId: notification.certificateId,
      params: notification.params ?? {},
      readAt: notification.readAt?.toISOString() ?? null,
      createdAt: notification.createdAt.toISOString(),
    }),
    (row) => ({ at: row.at, id: row.notification.id }),
  );
}
