import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/actions/session/sign-out";
import type { SiteHeaderView } from "@/lib/dal/site-header";
import { siteFrameText } from "./site-frame-text";
import { SiteFrameView } from "./site-frame-view";

/**
 * What every page sits in, whichever root layout renders it: its text translated here
 * (site-frame-text.ts), laid out by SiteFrameView. `outsideSite`: drawn by a document other than
 * app/(site)'s, whose links all lead into that one (components/layout/frame-link.tsx).
 */
export function SiteFrame({ header, outsideSite = false, children }: { header: SiteHeaderView; outsideSite?: boolean; children: React.ReactNode }) {
  const frame = siteFrameText(header, {
    nav: useTranslations("nav"),
    common: useTranslations("common"),
    security: useTranslations("security"),
    notifications: useTranslations("notifications"),
    footer: useTranslations("legal.footer"),
  });
  return (
    <SiteFrameView frame={frame} signOutAction={signOutAction} outsideSite={outsideSite}>
      {children}
    </SiteFrameView>
  );
}
