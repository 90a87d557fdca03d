import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { PageHeader } from "@/components/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { markNotificationsReadAction } from "@/lib/actions/notifications/mark-read";
import { requirePageUser } from "@/lib/auth/current-user";
import { areaOf, PERMISSIONS, type Area } from "@/lib/policy";
import { listNotifications } from "@/lib/dal/notifications";
import { cn } from "@/lib/utils";
import { DATE_TIME_FORMAT } from "@/lib/i18n/date-format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("ui.title") };
}

/** The page of one application in each area that has one. */
const APPLICATION_PAGES: Partial<Record<Area, (applicationId: string) => string>> = {
  enterprise: (applicationId) => `/enterprise/applications/${applicationId}`,
  verifier: (applicationId) => `/verifier/applications/${applicationId}`,
};

/** Where a notification about an application leads, in the area the user works in. */
function targetOf(area: Area, notification: { applicationId: string | null }): string | null {
  const page = APPLICATION_PAGES[area];
  return notification.applicationId && page ? page(notification.applicationId) : null;
}

export default async function NotificationsPage() {
  const user = await requirePageUser(PERMISSIONS["notification.read"], "/notifications");
  const [items, t, format] = await Promise.all([listNotifications(user), getTranslations("notifications"), getFormatter()]);
  const unread = items.some((item) => !item.readAt);
  return (
    <>
      <PageHeader
        title={t("ui.title")}
        actions={
          unread ? <ActionButton action={markNotificationsReadAction} input={{}} label={t("ui.markAllRead")} variant="secondary" /> : null
        }
      />
      {items.length === 0 ? (
        <EmptyState title={t("ui.empty")} />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {items.map((item) => {
              // Each kind's message picks the parameters it needs (e.g. the product name in its language).
              const message = t.has(item.kind) ? t(item.kind, item.params ?? {}) : item.kind;
              const href = targetOf(areaOf(user.role), item);
              return (
                <li key={item.id} className={cn("flex flex-wrap items-start gap-3 px-4 py-3 sm:px-6", !item.readAt && "bg-sky-50")}>
                  <div className="min-w-0 flex-1">
                    <p className={cn("text-sm", !item.readAt && "font-medium")}>
                      {href ? (
                        <Link href={href} className="text-brand-700 hover:underline">
                          {message}
                        </Link>
                      ) : (
                        message
                      )}
                    </p>
                    <p className="text-xs text-slate-600">{format.dateTime(item.createdAt, DATE_TIME_FORMAT)}</p>
                  </div>
                  {item.readAt ? null : (
                    <ActionButton
                      action={markNotificationsReadAction}
                      input={{ notificationId: item.id }}
                      label={t("ui.markRead")}
                      aria-label={`${t("ui.markRead")}: ${message}`}
                      size="sm"
                      variant="ghost"
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </>
  );
}
