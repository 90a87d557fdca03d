import Link from "next/link";
import { Bell } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { countUnreadNotifications } from "@/lib/dal/notifications";

/** The header bell: unread count, linking to the notification list. */
export async function NotificationBell({ user }: { user: CurrentUser }) {
  const [unread, t] = await Promise.all([countUnreadNotifications(user), getTranslations("notifications")]);
  const label = unread ? t("ui.bellUnread", { count: unread }) : t("ui.bell");
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md border border-slate-300 hover:bg-slate-100"
    >
      <Bell size={18} aria-hidden />
      {unread ? (
        <span aria-hidden className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
