import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { SiteFrame } from "@/components/layout/site-frame";
import { loadSiteHeader } from "@/lib/dal/site-header";
import { inter } from "@/app/fonts";
import { rootMetadata, rootViewport } from "@/app/root-metadata";
import { CLIENT_NAMESPACES } from "./client-namespaces";
import "@/app/globals.css";

export const generateMetadata = () => rootMetadata();
export const viewport = rootViewport;

/** The root layout of every page but the public label page: the language and header follow the visitor's session. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [locale, header] = await Promise.all([getLocale(), loadSiteHeader()]);
  return (
    <html lang={locale} className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <ClientMessages namespaces={CLIENT_NAMESPACES}>
          <SiteFrame header={header}>{children}</SiteFrame>
        </ClientMessages>
      </body>
    </html>
  );
}
