import type { SiteHeaderView } from "@/lib/dal/site-header";
import { can, type Area, type Permission } from "@/lib/policy";
import { siteInfo } from "@/lib/site-info";

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

type FrameLinkText = { href: string; label: string };

/** Everything the frame says, translated on the server. */
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

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The frame's namespaces, each bound by the caller (a component's hooks, or a route handler's getTranslations). */
export type SiteFrameTranslators = { nav: Translate; common: Translate; security: Translate; notifications: Translate; footer: Translate };

/** The frame's text for who is signed in (`header`): their area's pages, then everyone's. */
export function siteFrameText(header: SiteHeaderView, { nav, common, security, notifications, footer }: SiteFrameTranslators): SiteFrameText {
  const { user, area } = header;
  const areaItems = area ? NAV[area].filter((item) => !item.permission || can(user, item.permission)) : [];
  const items = [
    ...[...areaItems, { href: "/registry", key: "registry" }, { href: "/verify", key: "verifyCredential" }, { href: "/developers", key: "developers" }].map((item) => ({
      href: item.href,
      label: nav(item.key),
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
  return {
    skipToContent: common("skipToContent"),
    appName: common("appName"),
    mainNav: nav("main"),
    language: nav("language"),
    menu: nav("menu"),
    items,
    signIn: user ? null : nav("signIn"),
    user: user
      ? {
          label: `${user.name} · ${common(`roles.${user.role}`)}`,
          organization: user.organizationName,
          signOut: nav("signOut"),
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
}
