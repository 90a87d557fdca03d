import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { siteInfo } from "@/lib/site-info";
import { loadSiteHeader } from "@/lib/dal/site-header";
import { CLIENT_NAMESPACES } from "./client-namespaces";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#027a48" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, header] = await Promise.all([getLocale(), getTranslations("common"), loadSiteHeader()]);
  return (
    <html lang={locale} className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <ClientMessages namespaces={CLIENT_NAMESPACES}>
          <a href="#main" className="ui-skip-link">
            {t("skipToContent")}
          </a>
          <SiteHeader header={header} />
          <main id="main" className="ui-main">
            {children}
          </main>
          <SiteFooter operatorName={siteInfo().operatorName} />
        </ClientMessages>
      </body>
    </html>
  );
}
