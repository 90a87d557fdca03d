"use client";

import { useState } from "react";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";

type Props = {
  items: { href: string; label: string }[];
  menuLabel: string;
  languageLabel: string;
  userLabel: string | null;
  signOutLabel: string | null;
  signOutAction: () => Promise<void>;
};

export function MobileNav({ items, menuLabel, languageLabel, userLabel, signOutLabel, signOutAction }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        aria-label={menuLabel}
        onClick={() => setOpen((value) => !value)}
        className="ui-menu-button"
      >
        <span aria-hidden />
      </button>
      {open ? (
        <nav id="mobile-nav" aria-label={menuLabel} className="absolute inset-x-0 top-14 z-40 border-b border-slate-200 bg-white px-4 py-3 shadow">
          <NavLinks items={items} className="space-y-1" onNavigate={() => setOpen(false)} />
          <div className="mt-3 border-t border-slate-200 pt-3">
            <LanguageSwitcher label={languageLabel} />
          </div>
          {userLabel && signOutLabel ? (
            <form action={signOutAction} className="mt-3 flex items-center justify-between border-t border-slate-200 pt-3">
              <span className="text-sm text-slate-700">{userLabel}</span>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
                {signOutLabel}
              </button>
            </form>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
