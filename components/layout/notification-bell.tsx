import Link from "next/link";
import { Bell } from "lucide-react";
import { useTranslations } from "next-intl";

/** The header bell: unread count, linking to the notification list. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useTranslations("notifications");
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
