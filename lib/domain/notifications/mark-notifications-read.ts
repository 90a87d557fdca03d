import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { notifications } from "@/db/schema";
import { notificationScope } from "@/lib/dal/notifications";
import { assertUserCan, type Actor } from "@/lib/policy";

type MarkNotificationsReadInput = { notificationId?: string };

/**
 * Marks the user's notifications read (organization-wide ones for the whole
 * organization): one, or every unread one. Another's notification is simply
 * not matched. A read mark is the reader's own bookkeeping, not an act on the
 * record, so it writes no audit event.
 */
export async function markNotificationsRead(tx: Tx, actor: Actor | null, input: MarkNotificationsReadInput) {
  assertUserCan(actor, "notification.read");
  const rows = await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        notificationScope(actor),
        isNull(notifications.readAt),
        input.notificationId ? eq(notifications.id, input.notificationId) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
