import { getTranslations } from "next-intl/server";
import { SIGNED_OUT_HEADER } from "@/lib/dal/site-header";
import { labelPageAssets } from "@/lib/http/label-page-assets";
import { renderStaticHtml } from "@/lib/http/static-html";
import type { Locale } from "@/lib/i18n/config";
import { siteFrameText } from "./site-frame-text";
import { StaticDocument } from "./static-document";
import { StaticSiteFrame, type PageLanguage } from "./static-site-frame";

/**
 * A public page as HTML without scripts, in the site's signed-out frame (static-site-frame.tsx):
 * the public label page and the registry as a visitor who is not signed in loads them. `title`
 * is the page's own; the site's name follows it, as the root layout's title template adds it.
 */
export async function renderStaticPage({ locale, title, languages, children }: { locale: Locale; title: string; languages: PageLanguage[]; children: React.ReactNode }): Promise<string> {
  const translate = (namespace: string) => getTranslations({ locale, namespace });
  const [nav, common, security, notifications, footer] = await Promise.all([
    translate("nav"),
    translate("common"),
    translate("security"),
    translate("notifications"),
    translate("legal.footer"),
  ]);
  const frame = siteFrameText(SIGNED_OUT_HEADER, { nav, common, security, notifications, footer });
  return renderStaticHtml(
    <StaticDocument locale={locale} title={`${title} · ${common("appName")}`} stylesheet={labelPageAssets().stylesheet}>
      <StaticSiteFrame frame={frame} languages={languages}>
        {children}
      </StaticSiteFrame>
    </StaticDocument>,
  );
}
