import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/actions/session/sign-out";
import type { SiteHeaderView } from "@/lib/dal/site-header";
import { can, type Area, type Permission } from "@/lib/policy";
import { siteInfo } from "@/lib/site-info";
import { SiteFrameView, type SiteFrameText } from "./site-frame-view";

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

/**
 * What every page sits in, whichever root layout renders it: its text translated here, laid out by
 * SiteFrameView. `outsideSite`: drawn by a document other than app/(site)'s, whose links all lead
 * into that one (components/layout/frame-link.tsx).
 */
export function SiteFrame({ header, outsideSite = false, children }: { header: SiteHeaderView; outsideSite?: boolean; children: React.ReactNode }) {
  const { user, area } = header;
  const t = useTranslations("nav");
  const common = useTranslations("common");
  const security = useTranslations("security");
  const notifications = useTranslations("notifications");
  const footer = useTranslations("legal.footer");
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
  const unread = header.unreadNotifications;
  const operatorName = siteInfo().operatorName;
  const frame: SiteFrameText = {
    skipToContent: common("skipToContent"),
    appName: common("appName"),
    mainNav: t("main"),
    language: t("language"),
    menu: t("menu"),
    items,
    signIn: user ? null : t("signIn"),
    user: user
      ? {
          label: `${user.name} · ${common(`roles.${user.role}`)}`,
          organization: user.organizationName,
          signOut: t("signOut"),
          bell: { label: unread ? notifications("ui.bellUnread", { count: unread }) : notifications("ui.bell"), unread },
        }
      : null,
    verifyEmail: user && !header.emailVerified ? { notice: security("verifyEmail.notice"), link: security("verifyEmail.noticeLink") } : null,
    footer: {
      operator: footer("operator", { operator: operatorName ?? footer("operatorDefault") }),
      label: footer("label"),
      links: [
        { href: "/help", label: footer("help") },
        { href: "/help#contact", label: footer("contact") },
        { href: "/terms", label: footer("terms") },
        { href: "/privacy", label: footer("privacy") },
        { href: "/registry", label: footer("registry") },
      ],
    },
  };
  return (
    <SiteFrameView frame={frame} signOutAction={signOutAction} outsideSite={outsideSite}>
      {children}
    </SiteFrameView>
  );
}
