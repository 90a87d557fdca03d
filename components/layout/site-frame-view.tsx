"use client";

import { Bell } from "lucide-react";
import { FrameLink, OutsideSiteProvider } from "./frame-link";
import { LanguageSwitcher } from "./language-switcher";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { SiteFrameLayout } from "./site-frame-layout";
import type { SiteFrameText } from "./site-frame-text";

/**
 * The site's frame, with its controls: the notification bell, the language switcher, the account
 * and the phone's menu. A client component that only lays out the text it is given, so a page's
 * payload carries that text once, not the markup too.
 */
export function SiteFrameView({
  frame,
  signOutAction,
  outsideSite,
  children,
}: {
  frame: SiteFrameText;
  signOutAction: () => Promise<void>;
  outsideSite: boolean;
  children: React.ReactNode;
}) {
  const { user } = frame;
  return (
    <OutsideSiteProvider value={outsideSite}>
      <SiteFrameLayout
        frame={frame}
        Link={FrameLink}
        nav={<NavLinks items={frame.items} className="flex flex-wrap items-center gap-1" />}
        controls={
          <>
            {user ? <NotificationBell {...user.bell} /> : null}
            <div className="hidden lg:block">
              <LanguageSwitcher label={frame.language} />
            </div>
            {user ? (
              <div className="hidden items-center gap-3 lg:flex">
                <span className="max-w-56 truncate text-sm text-slate-700" title={user.organization}>
                  {user.label}
                </span>
                <form action={signOutAction}>
                  <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
                    {user.signOut}
                  </button>
                </form>
              </div>
            ) : (
              <FrameLink href="/login" className="ui-sign-in">
                {frame.signIn}
              </FrameLink>
            )}
            <MobileNav
              items={frame.items}
              menuLabel={frame.menu}
              languageLabel={frame.language}
              signOutLabel={user?.signOut ?? null}
              userLabel={user?.label ?? null}
              signOutAction={signOutAction}
            />
          </>
        }
        notice={
          frame.verifyEmail ? (
            <div role="status" className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
              {frame.verifyEmail.notice}{" "}
              <FrameLink href="/account/preferences" className="font-medium underline">
                {frame.verifyEmail.link}
              </FrameLink>
            </div>
          ) : null
        }
      >
        {children}
      </SiteFrameLayout>
    </OutsideSiteProvider>
  );
}

/** The header bell: unread count, linking to the notification list. */
function NotificationBell({ label, unread }: { label: string; unread: number }) {
  return (
    <FrameLink
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
    </FrameLink>
  );
}
