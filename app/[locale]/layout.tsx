import { setRequestLocale } from "next-intl/server";
import { SiteDocument } from "@/components/layout/site-document";
import { SIGNED_OUT_HEADER } from "@/lib/dal/site-header";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { rootMetadata, rootViewport } from "@/app/root-metadata";
import { CLIENT_NAMESPACES } from "./client-namespaces";
import "@/app/globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Omit<Props, "children">) {
  const { locale } = await params;
  return rootMetadata(isLocale(locale) ? locale : DEFAULT_LOCALE);
}
export const viewport = rootViewport;

/**
 * The public label page's own root layout. The QR code's target must answer fast under load, so
 * the page is rendered once per certificate and language and then served from the render cache
 * (the page's `revalidate`, and every status change expires it). Nothing here may read the
 * request: the language comes from the address (the router rewrites `/labels/N` to
 * `/<language>/labels/N` by the visitor's cookie or Accept-Language, lib/http/label-page-routes.ts),
 * and the header is the signed-out one, the same for everyone.
 */
export default async function LabelLayout({ children, params }: Props) {
  const requested = (await params).locale;
  // An address with no language of ours: the page answers 404, in the default language (a root
  // layout has no not-found page above it to throw to).
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  setRequestLocale(locale);
  return (
    <SiteDocument locale={locale} header={SIGNED_OUT_HEADER} namespaces={CLIENT_NAMESPACES} outsideSite>
      {children}
    </SiteDocument>
  );
}
