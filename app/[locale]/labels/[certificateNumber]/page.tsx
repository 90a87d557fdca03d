import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { PublicCertificateViewPage } from "@/components/certificates/public-certificate-view";
import { declaredUnitText, type LabelStrings } from "@/lib/certificates/strings";
import { findPublicCertificate } from "@/lib/dal/public-certificates";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { publicCertificateView } from "./public-view";

type Props = { params: Promise<{ certificateNumber: string; locale: string }> };

/**
 * Rendered on first request, then served from the render cache: every status change expires the
 * certificate's tag (lib/dal/public-certificates.ts), and a cached page is re-rendered at most
 * this many seconds after it was made, so a certificate shows as expired within a minute of the
 * day's end (the date is applied when the page is rendered).
 */
export const revalidate = 60;

/** No page is rendered at build time: every certificate's is made on its first visit. */
export function generateStaticParams(): { certificateNumber: string; locale: string }[] {
  return [];
}

const lookup = cache((number: string) => findPublicCertificate(number));

async function pageLocale(params: Props["params"]): Promise<{ number: string; locale: Locale }> {
  const { certificateNumber, locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return { number: certificateNumber, locale };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number, locale } = await pageLocale(params);
  const certificate = await lookup(number);
  const t = await getTranslations({ locale, namespace: "labels.public" });
  // Not indexed, so no description: the site's would only add bytes to every label page.
  return { title: certificate ? t("metaTitle", { number: certificate.number }) : t("notFoundTitle"), description: null, robots: { index: false } };
}

/**
 * The QR code's target (`/labels/N`, rewritten here with the visitor's language by the router,
 * lib/http/label-page-routes.ts): anyone, no sign-in, from the certificate's frozen snapshot: the
 * live status, holder, scope, result, grade, the label and its downloads, body, history, credential.
 */
export default async function PublicCertificatePage({ params }: Props) {
  const { number, locale } = await pageLocale(params);
  const certificate = await lookup(number);
  if (!certificate) notFound();
  const [t, credentials, format, messages] = await Promise.all([
    getTranslations("labels"),
    getTranslations("credentials.label"),
    getFormatter(),
    getMessages(),
  ]);
  const unit = declaredUnitText(certificate.scope.declaredUnit.amount, certificate.scope.declaredUnit.unit, messages.labels as LabelStrings);
  const view = publicCertificateView(certificate, {
    t,
    credentials,
    en: locale === "en",
    date: (value) => format.dateTime(new Date(value), { dateStyle: "long" }),
    unit,
  });
  return <PublicCertificateViewPage view={view} />;
}
