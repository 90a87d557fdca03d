"use client";

import { Bell } from "lucide-react";
import { FrameLink, OutsideSiteProvider } from "./frame-link";
import { LanguageSwitcher } from "./language-switcher";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";

type FrameLinkText = { href: string; label: string };

/** Everything the frame says, translated on the server (components/layout/site-frame.tsx). */
export type SiteFrameText = {
  skipToContent: string;
  appName: string;
  mainNav: string;
  language: string;
  menu: string;
  items: FrameLinkText[];
  /** Signed out: the sign-in link's text. */
  signIn: string | null;
  user: { label: string; organization: string; signOut: string; bell: { label: string; unread: number } } | null;
  /** Signed in with an address not yet confirmed. */
  verifyEmail: { notice: string; link: string } | null;
  footer: { operator: string; label: string; links: FrameLinkText[] };
};

/**
 * The frame of every page: skip link, header, main region, footer. A client component that only
 * lays out the text it is given, so a page's payload carries that text once, not the markup too.
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
      <a href="#main" className="ui-skip-link">
        {frame.skipToContent}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="ui-header-bar">
          <FrameLink href="/" className="ui-brand">
            <span aria-hidden>CO₂</span>
            <span>{frame.appName}</span>
          </FrameLink>
          {/* A workspace has up to a dozen entries: they wrap onto a second row instead of running under the controls. */}
          <nav aria-label={frame.mainNav} className="hidden min-w-0 flex-1 py-1 lg:block">
            <NavLinks items={frame.items} className="flex flex-wrap items-center gap-1" />
          </nav>
          <div className="ml-auto flex items-center gap-2">
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
          </div>
        </div>
        {frame.verifyEmail ? (
          <div role="status" className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
            {frame.verifyEmail.notice}{" "}
            <FrameLink href="/account/preferences" className="font-medium underline">
              {frame.verifyEmail.link}
            </FrameLink>
          </div>
        ) : null}
      </header>
      <main id="main" className="ui-main">
        {children}
      </main>
      <footer className="mt-12 border-t border-slate-200 bg-white">
        <div className="ui-footer-bar">
          <p>{frame.footer.operator}</p>
          <nav aria-label={frame.footer.label}>
            <ul className="flex flex-wrap gap-1">
              {frame.footer.links.map((link) => (
                <li key={link.href}>
                  <FrameLink href={link.href} className="ui-footer-link">
                    {link.label}
                  </FrameLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
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
