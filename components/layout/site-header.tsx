import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/db/schema";
import { signOutAction } from "@/lib/actions/session/sign-out";
import { LanguageSwitcher } from "./language-switcher";
import { MobileNav } from "./mobile-nav";
import { NotificationBell } from "./notification-bell";

type NavItem = { href: string; key: string };

const NAV: Record<Role, NavItem[]> = {
  enterprise: [{ href: "/enterprise", key: "enterprise" }],
  verifier: [
    { href: "/verifier", key: "verifierQueue" },
    { href: "/verifier/certificates", key: "certificates" },
  ],
  reviewer: [
    { href: "/verifier", key: "verifierQueue" },
    { href: "/verifier/certificates", key: "certificates" },
  ],
  regulator: [
    { href: "/regulator", key: "dashboard" },
    { href: "/regulator/benchmarks", key: "benchmarks" },
    { href: "/regulator/factors", key: "factors" },
    { href: "/regulator/certificates", key: "certificates" },
    { href: "/regulator/audit", key: "audit" },
  ],
  admin: [{ href: "/admin", key: "admin" }],
};

export async function SiteHeader() {
  const user = await getCurrentUser();
  const t = await getTranslations("nav");
  const common = await getTranslations("common");
  const items = [...(user ? NAV[user.role] : []), { href: "/registry", key: "registry" }].map((item) => ({
    href: item.href,
    label: t(item.key),
  }));
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2 font-semibold text-brand-800">
          <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-xs font-bold text-white">
            CO₂
          </span>
          <span>{common("appName")}</span>
        </Link>
        <nav aria-label={t("main")} className="hidden flex-1 items-center gap-1 md:flex">
          {items.map((item) => (
            <Link key={item.href} href={item.href} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? <NotificationBell user={user} /> : null}
          <LanguageSwitcher />
          {user ? (
            <div className="hidden items-center gap-3 md:flex">
              <span className="max-w-56 truncate text-sm text-slate-700" title={user.organizationName}>
                {user.name} · {common(`roles.${user.role}`)}
              </span>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
                  {t("signOut")}
                </button>
              </form>
            </div>
          ) : (
            <Link href="/login" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
              {t("signIn")}
            </Link>
          )}
          <MobileNav
            items={items}
            menuLabel={t("menu")}
            signOutLabel={user ? t("signOut") : null}
            userLabel={user ? `${user.name} · ${common(`roles.${user.role}`)}` : null}
            signOutAction={signOutAction}
          />
        </div>
      </div>
    </header>
  );
}
