import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageNotFound } from "@/components/layout/page-not-found";
import { SiteFrame } from "@/components/layout/site-frame";
import { inter } from "@/app/fonts";
import { loadSiteHeader } from "@/lib/dal/site-header";
import { CLIENT_NAMESPACES } from "@/app/(site)/client-namespaces";
import "@/app/globals.css";

/** No layout's title template applies here: the site's name is added as the layouts add it. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: `${t("notFoundTitle")} · ${t("appName")}` };
}

/**
 * An address no route matches. The app has two root layouts (app/(site) and the public label
 * page's), so no layout encloses such an address: this page draws the site's frame itself.
 */
export default async function GlobalNotFound() {
  const [locale, header] = await Promise.all([getLocale(), loadSiteHeader()]);
  return (
    <html lang={locale} className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <ClientMessages namespaces={CLIENT_NAMESPACES}>
          <SiteFrame header={header} outsideSite>
            <PageNotFound />
          </SiteFrame>
        </ClientMessages>
      </body>
    </html>
  );
}
