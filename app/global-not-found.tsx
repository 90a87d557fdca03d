import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageNotFound } from "@/components/layout/page-not-found";
import { SiteDocument } from "@/components/layout/site-document";
import { loadSiteHeader } from "@/lib/dal/site-header";
import { CLIENT_NAMESPACES } from "@/app/(site)/client-namespaces";
import "@/app/globals.css";

/** No layout's title template applies here: the site's name is added as the layouts add it. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: `${t("notFoundTitle")} · ${t("appName")}` };
}

/**
 * An address no route matches. The root layout is in a route group (app/(site)), so no layout
 * encloses such an address: this page draws the site's document itself.
 */
export default async function GlobalNotFound() {
  const [locale, header] = await Promise.all([getLocale(), loadSiteHeader()]);
  return (
    <SiteDocument locale={locale} header={header} namespaces={CLIENT_NAMESPACES} outsideSite>
      <PageNotFound />
    </SiteDocument>
  );
}
