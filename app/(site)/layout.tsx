import { getLocale } from "next-intl/server";
import { SiteDocument } from "@/components/layout/site-document";
import { loadSiteHeader } from "@/lib/dal/site-header";
import { rootMetadata, rootViewport } from "@/app/root-metadata";
import { CLIENT_NAMESPACES } from "./client-namespaces";
import "@/app/globals.css";

export const generateMetadata = () => rootMetadata();
export const viewport = rootViewport;

/** The root layout of every page but the public label page: the language and header follow the visitor's session. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [locale, header] = await Promise.all([getLocale(), loadSiteHeader()]);
  return (
    <SiteDocument locale={locale} header={header} namespaces={CLIENT_NAMESPACES}>
      {children}
    </SiteDocument>
  );
}
