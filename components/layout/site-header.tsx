import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/actions/session/sign-out";
import type { SiteHeaderView } from "@/lib/dal/site-header";
import { can, type Area, type Permission } from "@/lib/policy";
import { LanguageSwitcher } from "./language-switcher";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";

/** A page of the area, and the permission it needs when not everyone of the area may open it. */
type NavItem = { href: string; key: string; permission?: Permission };

/** The pages of each portal area (the policy says which area a role works in). */
const NAV: Record<Area, NavItem[]> = {
  enterprise: [
    { href: "/enterprise", key: "enterprise" },
    { href: "/enterprise/api-clients", key: "apiClients", permission: "apiClient.manage" },
    { href: "/enterprise/pact", key: "pact", permission: "pactPartner.manage" },
    { href: "/enterprise/supply", key: "supply", permission: "supplyRequest.read" },
  ],
  verifier: [
    { href: "/verifier", key: "verifierQueue" },
    { href: "/verifier/certificates", key: "certificates" },
    { href: "/verifier/signing-keys", key: "signingKeys", permission: "signingKey.rotate" },
    { href: "/verifier/api-clients", key: "apiClients", permission: "apiClient.manage" },
    { href: "/verifier/settings", key: "bodySettings" },
  ],
  regulator: [
    { href: "/regulator", key: "dashboard" },
    { href: "/regulator/benchmarks", key: "benchmarks" },
    { href: "/regulator/factors", key: "factors" },
    { href: "/regulator/certificates", key: "certificates" },
    { href: "/regulator/audit", key: "audit" },
    { href: "/regulator/api-clients", key: "apiClients", permission: "apiClient.manage" },
  ],
  admin: [
    { href: "/admin", key: "admin" },
    { href: "/admin/signing-keys", key: "signingKeys", permission: "signingKey.rotate" },
    { href: "/admin/jobs", key: "jobs", permission: "job.manage" },
  ],
};

export function SiteHeader({ header }: { header: SiteHeaderView }) {
  const { user, area } = header;
  const t = useTranslations("nav");
  const common = useTranslations("common");
  const security = useTranslations("security");
  const areaItems = area ? NAV[area].filter((item) => !item.permission || can(user, item.permission)) : [];
  const items = [
    ...[...areaItems, { href: "/registry", key: "registry" }, { href: "/verify", key: "verifyCredential" }, { href: "/developers", key: "developers" }].map((item) => ({
      href: item.href,
      label: t(item.key),
    })),
    ...(user
      ? [
          { href: "/account/security", label: security("nav") },
          { href: "/account/preferences", label: security("preferences.nav") },
        ]
      : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="ui-header-bar">
        <Link href="/" className="ui-brand">
          <span aria-hidden>
            CO₂
          </span>
          <span>{common("appName")}</span>
        </Link>
        {/* A workspace has up to a dozen entries: they wrap onto a second row instead of running under the controls. */}
        <nav aria-label={t("main")} className="hidden min-w-0 flex-1 py-1 lg:block">
          <NavLinks items={items} className="flex flex-wrap items-center gap-1" />
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? <NotificationBell unread={header.unreadNotifications} /> : null}
          <div className="hidden lg:block">
            <LanguageSwitcher label={t("language")} />
          </div>
          {user ? (
            <div className="hidden items-center gap-3 lg:flex">
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
            <Link href="/login" className="ui-sign-in">
              {t("signIn")}
            </Link>
          )}
          <MobileNav
            items={items}
            menuLabel={t("menu")}
            languageLabel={t("language")}
            signOutLabel={user ? t("signOut") : null}
            userLabel={user ? `${user.name} · ${common(`roles.${user.role}`)}` : null}
            signOutAction={signOutAction}
          />
        </div>
      </div>
      {user && !header.emailVerified ? (
        <div role="status" className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">
          {security("verifyEmail.notice")}{" "}
          <Link href="/account/preferences" className="font-medium underline">
            {security("verifyEmail.noticeLink")}
          </Link>
        </div>
      ) : null}
    </header>
  );
}
