import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import { PublicCertificateViewPage } from "@/components/certificates/public-certificate-view";
import { renderStaticPage } from "@/components/layout/static-page";
import type { PageLanguage } from "@/components/layout/static-site-frame";
import { declaredUnitText, type LabelStrings } from "@/lib/certificates/strings";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { LABEL_PAGE_CACHE_CONTROL } from "@/lib/http/label-page-routes";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/i18n/config";
import { publicCertificateView } from "./public-view";

/**
 * Made on the first request for a number and language, then served from the render cache: every
 * status change expires the certificate's tag (lib/dal/public-certificates.ts), and a cached page
 * is made again at most this many seconds after it was made, so a certificate shows as expired
 * within a minute of the day's end (the date is applied when the page is made).
 */
export const revalidate = 60;
export const dynamic = "force-static";

/** No page is made at build time: every certificate's is made on its first visit. */
export function generateStaticParams(): { certificateNumber: string; locale: string }[] {
  return [];
}

type Params = { params: Promise<{ certificateNumber: string; locale: string }> };

/**
 * The QR code's target (`/labels/N`, rewritten here with the visitor's language by the router,
 * lib/http/label-page-routes.ts): anyone, no sign-in, from the certificate's frozen snapshot: the
 * live status, holder, scope, result, grade, the label and its downloads, body, history, credential.
 *
 * A route handler rather than a page, so that the answer is HTML and nothing else: the page holds
 * no state and needs no code in the browser, while a page of the App Router would send the
 * React runtime and the router (some 200 KB of script to parse and run on the phone that scanned
 * the label) and the page's content a second time as the payload that hydrates it. Its frame is
 * the site's, for a visitor who is not signed in, with plain links (static-site-frame.tsx).
 *
 * An unknown or malformed number gets "no such certificate" with status 404, the same answer for
 * both, so the page helps nobody guess numbers; an address in a language we do not have, the same
 * in the default language.
 */
export async function GET(_request: Request, { params }: Params) {
  const { certificateNumber, locale: requested } = await params;
  const locale: Locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const certificate = isLocale(requested) ? await findPublicCertificate(certificateNumber) : null;
  const [labels, credentials, format, messages] = await Promise.all([
    getTranslations({ locale, namespace: "labels" }),
    getTranslations({ locale, namespace: "credentials.label" }),
    getFormatter({ locale }),
    getMessages({ locale }),
  ]);
  const number = certificate?.number ?? certificateNumber;
  const languages: PageLanguage[] = LOCALES.map((option) => ({ locale: option, href: `/${option}/labels/${encodeURIComponent(number)}`, current: option === locale }));

  let title: string;
  let content: React.ReactNode;
  if (certificate) {
    const unit = declaredUnitText(certificate.scope.declaredUnit.amount, certificate.scope.declaredUnit.unit, messages.labels as LabelStrings);
    const view = publicCertificateView(certificate, {
      t: labels,
      credentials,
      en: locale === "en",
      date: (value) => format.dateTime(new Date(value), { dateStyle: "long" }),
      unit,
    });
    title = labels("public.metaTitle", { number: certificate.number });
    content = <PublicCertificateViewPage view={view} />;
  } else {
    title = labels("public.notFoundTitle");
    content = (
      <div className="ui-message-page">
        <h1>{labels("public.notFoundTitle")}</h1>
        <p>{labels("public.notFoundBody")}</p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a page without scripts has no router: every link is a page load */}
        <a href="/registry" className="ui-message-link">
          {labels("public.registryLink")}
        </a>
      </div>
    );
  }

  const html = await renderStaticPage({ locale, title, languages, children: content });
  return new Response(html, {
    status: certificate ? 200 : 404,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // As the JSON form's: clients and proxies ask again every time, and this server answers from its cache.
      "Cache-Control": LABEL_PAGE_CACHE_CONTROL,
      Vary: "Accept, Accept-Language, Cookie",
    },
  });
}
